import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DateTime } from 'luxon';
import { InProcessSink, Simulator, type CallEventInput, type EventSink, type InProcessSource } from '@callboard/ingest';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG, CLOCK, IN_PROCESS_SOURCE, type Clock } from '../infrastructure/tokens';
import { DemoRepository } from './demo.repository';

const TENANT = 'default';

/**
 * The embedded demo (CALLBOARD_SIMULATOR=demo): the simulated centre sends today so far, then
 * runs in step with the clock, while earlier days are backfilled behind it. A day's events
 * depend only on the seed and the day, so a restart re-sends identical events; days already
 * stored whole are skipped, and anything re-sent is absorbed by eventId deduplication.
 */
@Injectable()
export class DemoSimulation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DemoSimulation.name);
  private readonly stop = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: DemoRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(IN_PROCESS_SOURCE) private readonly source?: InProcessSource,
  ) {}

  onApplicationBootstrap(): void {
    const { simulator } = this.config;
    if (!simulator) return;
    if (!this.source) {
      this.logger.warn('CALLBOARD_SIMULATOR=demo needs embedded mode; with Kafka use `pnpm callboard simulate --kafka`');
      return;
    }
    const sink = new InProcessSink(this.source);
    this.running = this.run(sink, simulator).catch((error: unknown) => {
      if (!this.stop.signal.aborted) this.logger.error(error, 'the demo simulation stopped');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async run(sink: EventSink, options: { days: number; seed: number }): Promise<void> {
    const timezone = this.config.timezone;
    const simulator = (clock?: Clock) => new Simulator({ seed: options.seed, timezone, clock: clock ?? this.clock });
    const startOfToday = DateTime.fromMillis(this.clock(), { zone: timezone }).startOf('day');
    const live = simulator();
    const today = await live.backfill({ from: startOfToday.toMillis(), to: this.clock(), sink: this.untilStopped(sink) });
    this.logger.log(`demo: today so far sent (${today.events} events); running live`);
    const livePart = live.runLive({ sink: this.untilStopped(sink), signal: this.stop.signal });

    const history = simulator();
    let sent = 0;
    for (let daysBack = 1; daysBack <= options.days && !this.stop.signal.aborted; daysBack += 1) {
      const from = startOfToday.minus({ days: daysBack }).toMillis();
      const to = startOfToday.minus({ days: daysBack - 1 }).toMillis();
      const day = new CollectingSink();
      await history.backfill({ from, to, sink: day });
      if ((await this.repository.storedEvents(TENANT, from, to)) >= day.events.length) continue;
      for (let start = 0; start < day.events.length && !this.stop.signal.aborted; start += 5_000) {
        await sink.send(day.events.slice(start, start + 5_000));
      }
      sent += day.events.length;
    }
    this.logger.log(`demo: ${options.days} days of history in place (${sent} events sent now)`);
    await livePart;
  }

  /** Stops handing events on once shutdown begins, so closing the pipeline is not raced. */
  private untilStopped(sink: EventSink): EventSink {
    return {
      send: async (events) => {
        if (!this.stop.signal.aborted) await sink.send(events);
      },
      close: () => sink.close(),
    };
  }
}

class CollectingSink implements EventSink {
  readonly events: CallEventInput[] = [];

  async send(events: CallEventInput[]): Promise<void> {
    this.events.push(...events);
  }

  async close(): Promise<void> {}
}
