import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';
import type { BatchWriter } from '@callboard/ingest';
import { committedOffsetTotal, counterTotal, startIngester, waitFor } from '../helpers/ingest-harness';
import { expectScenarioExactlyOnce, storedEvents } from './exactly-once';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { messagesInTopic, produceAtLeastOnce, scenarioEvents, toMessage } from './scenario-events';

const GROUP_ID = 'rebalance-during-insert';

/** Holds the first events write open: the insert runs, but the write returns only when released. */
class HeldWrite {
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  private enter!: () => void;
  readonly entered = new Promise<void>((resolve) => (this.enter = resolve));
  private used = false;
  open = false;

  wrap = (writers: BatchWriter[]): BatchWriter[] =>
    writers.map((writer) => ({
      target: writer.target,
      write: async (batch) => {
        if (writer.target !== 'clickhouse_events' || this.used) return writer.write(batch);
        this.used = this.open = true;
        const inserting = writer.write(batch);
        this.enter();
        await this.released;
        await inserting;
        this.open = false;
      },
    }));

  letGo(): void {
    this.release();
  }
}

/** Samples the group's committed offsets per partition; one that goes backwards is a rewind. */
function watchForRewinds(admin: Admin): { rewinds: string[]; stop: () => Promise<void> } {
  const rewinds: string[] = [];
  const highest = new Map<number, number>();
  let watching = true;
  const loop = (async () => {
    while (watching) {
      const [offsets] = await admin.fetchOffsets({ groupId: GROUP_ID, topics: [TOPIC] });
      for (const { partition, offset } of offsets?.partitions ?? []) {
        const before = highest.get(partition) ?? -1;
        if (Number(offset) < before) rewinds.push(`partition ${partition}: ${before} → ${offset}`);
        highest.set(partition, Math.max(before, Number(offset)));
      }
      await sleep(100);
    }
  })();
  return {
    rewinds,
    stop: async () => {
      watching = false;
      await loop;
    },
  };
}

describe('a rebalance during an insert', () => {
  const suite = useKafkaSuite();

  it('a second ingester joins while the first is inside a ClickHouse write: every event stored once', async () => {
    const events = scenarioEvents(8107, 300, 'rb');
    const messages = events.map(toMessage);
    const half = Math.floor(messages.length / 2);
    const held = new HeldWrite();
    const first = await startIngester({
      kafka: suite.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: GROUP_ID,
      maxBatchSize: 200,
      wrapWriters: held.wrap,
    });
    suite.ingesters.push(first);
    await produceAtLeastOnce(suite.producer, TOPIC, messages.slice(0, half));
    await held.entered;

    const second = await startIngester({
      kafka: suite.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: GROUP_ID,
      maxBatchSize: 200,
    });
    suite.ingesters.push(second);
    await produceAtLeastOnce(suite.producer, TOPIC, messages.slice(half));
    // The group rebalanced and the newcomer consumed, all while the first ingester's write was still open.
    await waitFor(async () => (await counterTotal(second.metrics.inserted)) > 0, 60_000, 'the joining ingester to write');
    expect(held.open).toBe(true);
    // Nothing is committed that is not stored (every message is a distinct event here).
    expect(await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)).toBeLessThanOrEqual(await storedEvents(suite.clickHouse.client));

    const watch = watchForRewinds(suite.admin);
    held.letGo();
    try {
      // Regression: the first ingester used to commit the held batch's offsets after its partitions
      // had moved, rewinding offsets the newcomer had already committed past.
      await waitFor(
        async () =>
          watch.rewinds.length > 0 ||
          (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === (await messagesInTopic(suite.admin, TOPIC)),
        90_000,
        'every message committed',
      );
    } finally {
      await watch.stop();
    }
    expect(watch.rewinds).toEqual([]);
    expect(await messagesInTopic(suite.admin, TOPIC)).toBe(events.length);
    const received = (await counterTotal(first.metrics.received)) + (await counterTotal(second.metrics.received));
    expect(received).toBeGreaterThanOrEqual(events.length); // re-reads after the rebalance are allowed, losses are not
    for (const ingester of suite.ingesters.splice(0)) await ingester.stop();

    await expectScenarioExactlyOnce(suite.clickHouse.client, suite.clickHouse.database, events);
  });
});
