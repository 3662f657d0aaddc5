import { generateCallEvents } from '../fixtures/calls';
import { committedOffsetTotal, counterTotal, produceEvents, startIngester, storedEventCount, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';

const START = Date.parse('2026-11-20T01:00:00Z');

describe('Kafka → ClickHouse: restarts and rebalances lose nothing and count nothing twice', () => {
  const suite = useKafkaSuite();

  it('resumes from committed offsets after the ingester is stopped mid-stream', async () => {
    const events = generateCallEvents(1200, START);
    const half = Math.floor(events.length / 2);
    await produceEvents(suite.producer, TOPIC, events.slice(0, half));
    const first = await startIngester({
      kafka: suite.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: 'restart',
      maxBatchSize: 200,
    });
    suite.ingesters.push(first);
    await produceEvents(suite.producer, TOPIC, events.slice(half));
    await waitFor(async () => (await storedEventCount(suite.clickHouse.client)) >= half / 2, 60_000, 'a part of the stream stored');
    await first.stop();
    suite.ingesters.pop();

    const storedBeforeRestart = await storedEventCount(suite.clickHouse.client);
    expect(storedBeforeRestart).toBeLessThan(events.length); // it really was stopped mid-stream
    expect(await committedOffsetTotal(suite.admin, 'restart', TOPIC)).toBe(storedBeforeRestart);

    const second = await startIngester({
      kafka: suite.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: 'restart',
      maxBatchSize: 200,
    });
    suite.ingesters.push(second);
    await waitFor(
      async () => (await committedOffsetTotal(suite.admin, 'restart', TOPIC)) === events.length,
      60_000,
      'all offsets committed',
    );

    expect(await storedEventCount(suite.clickHouse.client)).toBe(events.length);
    // The second ingester read only what the first had not committed.
    expect(await counterTotal(second.metrics.received)).toBe(events.length - storedBeforeRestart);
  });

  it('keeps every event exactly once while a second ingester joins the group and leaves it', async () => {
    const events = generateCallEvents(1500, START);
    const third = Math.floor(events.length / 3);
    const [before, during, after] = [events.slice(0, third), events.slice(third, 2 * third), events.slice(2 * third)];
    const groupId = 'rebalance';
    const first = await startIngester({ kafka: suite.kafka, client: suite.clickHouse.client, topic: TOPIC, groupId, maxBatchSize: 300 });
    suite.ingesters.push(first);
    await produceEvents(suite.producer, TOPIC, before);

    const second = await startIngester({ kafka: suite.kafka, client: suite.clickHouse.client, topic: TOPIC, groupId, maxBatchSize: 300 });
    suite.ingesters.push(second);
    await produceEvents(suite.producer, TOPIC, during);
    await waitFor(async () => (await counterTotal(second.metrics.received)) > 0, 60_000, 'the joining ingester to receive partitions');

    await second.stop();
    suite.ingesters.splice(suite.ingesters.indexOf(second), 1);
    await produceEvents(suite.producer, TOPIC, after);
    await waitFor(async () => (await committedOffsetTotal(suite.admin, groupId, TOPIC)) === events.length, 90_000, 'all offsets committed');

    expect(await storedEventCount(suite.clickHouse.client)).toBe(events.length);
    const receivedByBoth = (await counterTotal(first.metrics.received)) + (await counterTotal(second.metrics.received));
    expect(receivedByBoth).toBeGreaterThanOrEqual(events.length); // re-reads after a rebalance are allowed, losses are not
  });
});
