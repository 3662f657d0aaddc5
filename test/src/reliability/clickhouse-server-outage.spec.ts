import { openClickHouse } from '@callboard/infra';
import { committedOffsetTotal, counterTotal, startIngester, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { ClickHouseHttpShim, hideClickHouseClientErrors } from './clickhouse-http-shim';
import { expectScenarioExactlyOnce, storedEvents } from './exactly-once';
import { expectOutageHeldBack, sampleOutage } from './outage-observer';
import { messagesInTopic, produceAtLeastOnce, scenarioEvents, toMessage } from './scenario-events';

const OUTAGE_MS = 30_000;
const GROUP_ID = 'server-outage';

describe('ClickHouse unreachable for 30 s, production path (@clickhouse/client over HTTP)', () => {
  const suite = useKafkaSuite();
  let shim: ClickHouseHttpShim;
  beforeEach(async () => {
    shim = new ClickHouseHttpShim();
    await shim.start();
    hideClickHouseClientErrors();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await shim.dispose();
  });

  it('refused connections: consumption pauses, lag grows, nothing is committed early, everything lands after', async () => {
    const events = scenarioEvents(8105, 400, 'hs');
    const messages = events.map(toMessage);
    const quarter = Math.floor(messages.length / 4);
    const [before, during, after] = [messages.slice(0, quarter), messages.slice(quarter, 3 * quarter), messages.slice(3 * quarter)];
    const client = await openClickHouse({ kind: 'server', url: shim.url, database: suite.clickHouse.database });
    const ingester = await startIngester({ kafka: suite.kafka, client, topic: TOPIC, groupId: GROUP_ID, maxBatchSize: 200 });
    suite.ingesters.push(ingester);

    await produceAtLeastOnce(suite.producer, TOPIC, before);
    await waitFor(async () => (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === before.length, 60_000, 'the first part');
    await waitFor(async () => (await counterTotal(ingester.metrics.consumerLag)) === 0, 10_000, 'no lag before the outage');

    await shim.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    await produceAtLeastOnce(suite.producer, TOPIC, during, { chunk: 200 });
    const samples = await sampleOutage({
      admin: suite.admin,
      groupId: GROUP_ID,
      topic: TOPIC,
      ingester,
      untilMs: outageEnds,
      storedEvents: () => storedEvents(suite.clickHouse.client),
    });
    await shim.start();

    expectOutageHeldBack(samples, { committed: before.length, producedDuring: during.length });
    // The engine itself stayed up: it holds the first part and nothing more, all through.
    expect([...new Set(samples.map((sample) => sample.stored))]).toEqual([before.length]);

    await produceAtLeastOnce(suite.producer, TOPIC, after);
    await waitFor(
      async () => (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === (await messagesInTopic(suite.admin, TOPIC)),
      90_000,
      'every message committed after recovery',
    );
    expect(await messagesInTopic(suite.admin, TOPIC)).toBe(events.length);
    await suite.ingesters.pop()!.stop();
    await client.close();

    await expectScenarioExactlyOnce(suite.clickHouse.client, suite.clickHouse.database, events);
  });
});
