import type { BatchWriter } from '@callboard/ingest';
import { generateCallEvents } from '../fixtures/calls';
import { committedOffsetTotal, counterTotal, produceEvents, startIngester, storedEventCount, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';

const START = Date.parse('2026-11-20T01:00:00Z');

/** Puts ClickHouse "down" for the events writer while `down` is true: each write attempt throws. */
class OutageSwitch {
  down = true;
  wrap = (writers: BatchWriter[]): BatchWriter[] =>
    writers.map((writer) => ({
      target: writer.target,
      write: async (batch) => {
        if (this.down && writer.target === 'clickhouse_events') throw new Error('ClickHouse unavailable (injected)');
        await writer.write(batch);
      },
    }));
}

describe('Kafka → ClickHouse: shutdown and ClickHouse outages', () => {
  const suite = useKafkaSuite();

  it('writes the open batch and commits it when stopped (SIGTERM path)', async () => {
    const events = generateCallEvents(100, START);
    await produceEvents(suite.producer, TOPIC, events);
    // A batch that would stay open for a minute: only the shutdown can flush it.
    const ingester = await startIngester({
      kafka: suite.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: 'shutdown',
      maxBatchSize: 100_000,
      maxBatchAgeMs: 60_000,
    });
    suite.ingesters.push(ingester);
    await waitFor(async () => ingester.pipeline.bufferedRecords === events.length, 60_000, 'all records buffered');
    expect(await storedEventCount(suite.clickHouse.client)).toBe(0);
    expect(await committedOffsetTotal(suite.admin, 'shutdown', TOPIC)).toBe(0);

    await ingester.stop();
    suite.ingesters.pop();

    expect(await storedEventCount(suite.clickHouse.client)).toBe(events.length);
    expect(await committedOffsetTotal(suite.admin, 'shutdown', TOPIC)).toBe(events.length);
  });

  it('pauses while ClickHouse is down, commits nothing unwritten, and stores everything after recovery', async () => {
    const events = generateCallEvents(600, START);
    await produceEvents(suite.producer, TOPIC, events);
    const outage = new OutageSwitch();
    const ingester = await startIngester({
      kafka: suite.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: 'outage',
      maxBatchSize: 200,
      wrapWriters: outage.wrap,
    });
    suite.ingesters.push(ingester);

    await waitFor(async () => (await counterTotal(ingester.metrics.writeFailures)) >= 5, 60_000, 'several failed write attempts');
    expect(await committedOffsetTotal(suite.admin, 'outage', TOPIC)).toBe(0);
    expect(await storedEventCount(suite.clickHouse.client)).toBe(0);
    // Back-pressure: with the writer stuck, the source stops taking records long before the end of the topic.
    const receivedDuringOutage = await counterTotal(ingester.metrics.received);
    expect(receivedDuringOutage).toBeLessThan(events.length);
    expect(ingester.pipeline.bufferedRecords).toBe(receivedDuringOutage);

    expect(await counterTotal(ingester.metrics.consumerLag)).toBe(events.length); // nothing committed: all of it is lag

    outage.down = false;
    await waitFor(
      async () => (await committedOffsetTotal(suite.admin, 'outage', TOPIC)) === events.length,
      60_000,
      'all offsets committed',
    );
    expect(await storedEventCount(suite.clickHouse.client)).toBe(events.length);
    await waitFor(async () => (await counterTotal(ingester.metrics.consumerLag)) === 0, 10_000, 'the lag gauge back to 0');
  });
});
