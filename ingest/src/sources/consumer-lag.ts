import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import type { IngestMetrics } from '../metrics';

/**
 * The group's lag as the broker sees it, per partition: log end offset − committed offset.
 * Read from the broker rather than from this instance's fetches so that partitions held back
 * by back-pressure, or owned by another instance, are counted too.
 */
export class ConsumerLagMonitor {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topic: string,
    private readonly metrics: IngestMetrics,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    const tick = () => {
      this.measure()
        .catch((error: unknown) => this.logger.debug({ err: error }, 'consumer lag not measured this time'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  async measure(): Promise<void> {
    const [ends, [committed]] = await Promise.all([
      this.admin.fetchTopicOffsets(this.topic),
      this.admin.fetchOffsets({ groupId: this.groupId, topics: [this.topic] }),
    ]);
    const committedByPartition = new Map((committed?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(offset)]));
    for (const { partition, high, low } of ends) {
      const committedOffset = committedByPartition.get(partition) ?? -1n;
      const from = committedOffset >= 0n ? committedOffset : BigInt(low); // -1: nothing committed yet
      const lag = BigInt(high) - from;
      this.metrics.consumerLag.set({ topic: this.topic, partition }, Number(lag > 0n ? lag : 0n));
    }
  }
}
