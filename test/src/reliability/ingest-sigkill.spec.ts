import { committedOffsetTotal, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { ClickHouseHttpShim } from './clickhouse-http-shim';
import { expectScenarioExactlyOnce, storedEvents } from './exactly-once';
import { startIngestService, type IngestService } from './ingest-service';
import { messagesInTopic, produceAtLeastOnce, scenarioEvents, splitInto, toMessage } from './scenario-events';

const GROUP_ID = 'sigkill';
const EVENTS_INSERT = /^INSERT INTO `?events`?\s/;

/** Where in its work each of the five runs is killed. */
type KillPoint =
  | { when: 'insert refused'; insert: number } // the n-th events insert arrives: killed before it executes
  | { when: 'insert unacknowledged'; insert: number } // the n-th insert executed: killed before its answer
  | { when: 'records buffered' }; // records taken from Kafka, none written yet

const KILLS: KillPoint[] = [
  { when: 'insert refused', insert: 2 },
  { when: 'insert unacknowledged', insert: 2 },
  { when: 'records buffered' },
  { when: 'insert refused', insert: 3 },
  { when: 'insert unacknowledged', insert: 1 },
];

describe('the ingest service process killed with SIGKILL mid-batch', () => {
  const suite = useKafkaSuite();
  let shim: ClickHouseHttpShim;
  beforeEach(async () => {
    shim = new ClickHouseHttpShim();
    await shim.start();
  });
  afterEach(() => shim.dispose());

  it('five times in a row, restarted each time: every event stored once, nothing committed before it was written', async () => {
    const events = scenarioEvents(8104, 300, 'sk');
    const parts = splitInto(events.map(toMessage), KILLS.length + 1);
    // The production service against ClickHouse over HTTP (the shim, on this worker's engine).
    const environment = {
      KAFKA_BROKERS: suite.cluster.brokers.join(','),
      KAFKA_TOPIC: TOPIC,
      KAFKA_GROUP_ID: GROUP_ID,
      // A killed instance holds its partitions until its session expires: 10 s, not 30 s, to keep the test short.
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      CLICKHOUSE_URL: shim.url,
      CLICKHOUSE_DATABASE: suite.clickHouse.database,
      PII_HASH_KEY: 'sigkill-test-key-0123456789',
      INGEST_BATCH_SIZE: '100',
      INGEST_BATCH_AGE_MS: '100',
    };
    const committedWithinStored = async () => {
      const committed = await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC);
      expect(committed).toBeLessThanOrEqual(await storedEvents(suite.clickHouse.client));
      return committed;
    };

    let committedAfterKills = 0;
    for (const [run, kill] of KILLS.entries()) {
      await produceAtLeastOnce(suite.producer, TOPIC, parts[run]!);
      const buffering = kill.when === 'records buffered' ? { INGEST_BATCH_SIZE: '100000', INGEST_BATCH_AGE_MS: '60000' } : {};
      const service = await startIngestService({ ...environment, ...buffering });
      try {
        await killAt(kill, service);
        expect(await service.exited()).toEqual({ signal: 'SIGKILL', code: null });
      } finally {
        shim.beforeStatement = shim.afterStatement = undefined;
        service.child.kill('SIGKILL');
      }
      committedAfterKills = await committedWithinStored();
    }
    // The kills fell mid-stream: some of it was committed between them, not all of it.
    expect(committedAfterKills).toBeGreaterThan(0);
    expect(committedAfterKills).toBeLessThan(events.length);

    await produceAtLeastOnce(suite.producer, TOPIC, parts[KILLS.length]!);
    const last = await startIngestService(environment);
    try {
      await waitFor(
        async () => (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === (await messagesInTopic(suite.admin, TOPIC)),
        120_000,
        `every message committed; service output: ${last.child.output()}`,
      );
      last.child.kill('SIGTERM');
      expect(await last.exited()).toEqual({ signal: null, code: 0 });
    } finally {
      last.child.kill('SIGKILL');
    }
    expect(await committedWithinStored()).toBe(events.length);

    await expectScenarioExactlyOnce(suite.clickHouse.client, suite.clickHouse.database, events);
  });

  /** Resolves once the service has been killed at `kill`'s point. */
  async function killAt(kill: KillPoint, service: IngestService): Promise<void> {
    const deadline = 90_000;
    if (kill.when === 'records buffered') {
      await waitFor(
        async () => ((await service.metric('callboard_ingest_buffered_records')) ?? 0) > 0,
        deadline,
        `records buffered; output: ${service.child.output()}`,
      );
      service.child.kill('SIGKILL');
      return;
    }
    let inserts = 0;
    await new Promise<void>((resolve, reject) => {
      const onInsert = (sql: string) => {
        if (!EVENTS_INSERT.test(sql) || ++inserts !== kill.insert) return;
        service.child.kill('SIGKILL');
        resolve();
        if (kill.when === 'insert refused') throw new Error('killed before this insert ran');
      };
      if (kill.when === 'insert refused') shim.beforeStatement = onInsert;
      else shim.afterStatement = onInsert;
      void service.exited().then(() => reject(new Error(`the service exited before it was killed: ${service.child.output()}`)));
      setTimeout(() => reject(new Error(`insert ${kill.insert} never came; output: ${service.child.output()}`)), deadline).unref();
    });
  }
});
