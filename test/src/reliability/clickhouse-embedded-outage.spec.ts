import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drainPending } from 'chdb';
import { createChdbConnection } from 'chdb/connection';
import { openClickHouse } from '@callboard/infra';
import { WORKER_DATA_DIR } from '../helpers/clickhouse';
import { committedOffsetTotal, counterTotal, startIngester, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { expectScenarioExactlyOnce } from './exactly-once';
import { expectOutageHeldBack, sampleOutage } from './outage-observer';
import { ReopenableEngine } from './reopenable-engine';
import { messagesInTopic, produceAtLeastOnce, scenarioEvents, toMessage } from './scenario-events';

const OUTAGE_MS = 30_000;
const GROUP_ID = 'embedded-outage';

describe('ClickHouse unavailable for 30 s, embedded path (the in-process engine closed and reopened)', () => {
  const suite = useKafkaSuite();

  it('consumption pauses, lag grows, nothing is committed early, everything lands after the engine reopens', async () => {
    const events = scenarioEvents(8106, 400, 'em');
    const messages = events.map(toMessage);
    const quarter = Math.floor(messages.length / 4);
    const [before, during, after] = [messages.slice(0, quarter), messages.slice(quarter, 3 * quarter), messages.slice(3 * quarter)];
    const { database } = suite.clickHouse;
    const engine = new ReopenableEngine(WORKER_DATA_DIR);
    const ingester = await startIngester({
      kafka: suite.kafka,
      client: await engine.client(database),
      topic: TOPIC,
      groupId: GROUP_ID,
      maxBatchSize: 200,
    });
    suite.ingesters.push(ingester);

    await produceAtLeastOnce(suite.producer, TOPIC, before);
    await waitFor(async () => (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === before.length, 60_000, 'the first part');
    await waitFor(async () => (await counterTotal(ingester.metrics.consumerLag)) === 0, 10_000, 'no lag before the outage');

    // Every session on the data directory closes (the ingester's and the test's own), then the engine drains.
    await engine.close();
    await suite.clickHouse.client.close();
    await drainPending();
    const outageEnds = Date.now() + OUTAGE_MS;
    await expectEngineReleased();

    await produceAtLeastOnce(suite.producer, TOPIC, during, { chunk: 200 });
    const samples = await sampleOutage({ admin: suite.admin, groupId: GROUP_ID, topic: TOPIC, ingester, untilMs: outageEnds });
    await drainPending();
    await engine.reopen();
    const reopened = await openClickHouse({ kind: 'embedded', path: WORKER_DATA_DIR, database });
    suite.clickHouse = {
      client: reopened,
      database,
      dispose: async () => {
        await reopened.command({ query: 'DROP DATABASE IF EXISTS {database:Identifier} SYNC', query_params: { database } });
        await reopened.close();
      },
    };

    expectOutageHeldBack(samples, { committed: before.length, producedDuring: during.length });

    await produceAtLeastOnce(suite.producer, TOPIC, after);
    await waitFor(
      async () => (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === (await messagesInTopic(suite.admin, TOPIC)),
      90_000,
      'every message committed after the engine reopened',
    );
    expect(await messagesInTopic(suite.admin, TOPIC)).toBe(events.length);
    await suite.ingesters.pop()!.stop();
    await engine.dispose();

    await expectScenarioExactlyOnce(reopened, database, events);
  });
});

/** chdb opens a second data directory only once no session holds the first: proof the engine really let go. */
async function expectEngineReleased(): Promise<void> {
  const elsewhere = mkdtempSync(join(tmpdir(), 'callboard-elsewhere-'));
  try {
    const probe = createChdbConnection({ path: elsewhere });
    await probe.close();
    await drainPending();
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
}
