/* eslint-disable @typescript-eslint/no-explicit-any -- rows and answers are scanned as text */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import type { KafkaMessage, Producer } from 'kafkajs';
import { openClickHouse, type ClickHouseClient } from '@callboard/infra';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { WORKER_DATA_DIR } from '../helpers/clickhouse';
import { kafkaFor, produceEvents, waitFor } from '../helpers/ingest-harness';
import { startKafkaMockCluster, type KafkaMockCluster } from '../helpers/kafka-mock-cluster';
import { REPO_ROOT } from '../helpers/processes';
import { send } from './endpoint-catalogue';

const TOPIC = 'call-events';
const PII_HASH_KEY = 'no-raw-pii-test-hash-key-0123456789';
const NOW = Date.now();
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString();
// Kafka consumer-group joins against the mock take seconds.
const INGESTED_MS = 90_000;

/** A caller's number per way in, so that a find names the path that leaked it. */
const NUMBERS = {
  httpValid: '+8613900000101',
  httpNdjsonValid: '+8613900000102',
  httpOnAnsweredEvent: '+8613900000103',
  httpNested: '+8613900000104',
  httpBadJson: '+8613900000105',
  httpInvalid: '+8613900000106',
  httpNdjsonInvalid: '+8613900000107',
  httpBareNumber: '+8613900000108',
  ctrValid: '+14255550109',
  kafkaApiValid: '+8613900000201',
  kafkaApiInvalid: '+8613900000202',
  kafkaApiNdjsonBadJson: '+8613900000203',
  producedValid: '+8613900000301',
  producedBadJson: '+8613900000302',
  producedInvalid: '+8613900000303',
  producedNestedInvalid: '+8613900000304',
};
/** Each number as sent, and its digits alone (how a careless normaliser might keep it). */
const NEEDLES = Object.values(NUMBERS).flatMap((number) => [number, number.replace('+', '')]);
const hashOf = (number: string) => createHmac('sha256', PII_HASH_KEY).update(number).digest('hex');

const offered = (eventId: string, callId: string, customerId: string, more: Record<string, unknown> = {}) => ({
  eventId,
  type: 'call.offered',
  ts: at(600),
  callId,
  queue: 'billing',
  customerId,
  ...more,
});

/**
 * Everything written to stdout and stderr, through the streams or straight to their descriptors
 * (pino may take either path, depending on where it runs). Swallowed while captured.
 */
function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const keep = (data: string | Uint8Array) => chunks.push(Buffer.from(data).toString());
  const streams = [process.stdout, process.stderr].map((stream) => ({ stream, write: stream.write }));
  for (const { stream } of streams) {
    stream.write = ((data: string | Uint8Array, ...rest: unknown[]) => {
      keep(data);
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }) as typeof stream.write;
  }
  const { write, writeSync } = fs;
  const captured = (fd: unknown) => fd === 1 || fd === 2;
  fs.writeSync = ((fd: number, data: string | Uint8Array, ...rest: unknown[]) => {
    if (!captured(fd)) return (writeSync as any)(fd, data, ...rest);
    keep(data);
    return Buffer.byteLength(data);
  }) as typeof fs.writeSync;
  fs.write = ((fd: number, data: string | Uint8Array, ...rest: unknown[]) => {
    if (!captured(fd)) return (write as any)(fd, data, ...rest);
    keep(data);
    const callback = rest.at(-1) as (error: null, written: number) => void;
    process.nextTick(() => callback(null, Buffer.byteLength(data)));
  }) as typeof fs.write;
  return {
    text: () => chunks.join(''),
    restore: () => {
      for (const { stream, write: original } of streams) stream.write = original;
      fs.write = write;
      fs.writeSync = writeSync;
    },
  };
}

/** For each column of the table: the needles found in its values cast to String. */
async function findInTable(client: ClickHouseClient, database: string, table: string): Promise<string[]> {
  const rows = async <T>(query: string, params: Record<string, unknown>) =>
    (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json<T>();
  const columns = await rows<{ name: string }>(
    'SELECT name FROM system.columns WHERE database = {database:String} AND table = {table:String}',
    {
      database,
      table,
    },
  );
  const finds: string[] = [];
  for (const { name } of columns) {
    const [hits] = await rows<{ needles: string[] }>(
      `SELECT arrayDistinct(arrayFlatten(groupArray(arrayFilter(needle -> position(ifNull(toString({column:Identifier}), ''), needle) > 0, {needles:Array(String)})))) AS needles
       FROM {database:Identifier}.{table:Identifier}`,
      { database, table, column: name, needles: NEEDLES },
    );
    for (const needle of hits?.needles ?? []) finds.push(`${database}.${table}.${name} holds ${needle}`);
  }
  return finds;
}

async function readTopic(kafka: ReturnType<typeof kafkaFor>, topic: string, expected: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${NOW}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  try {
    await waitFor(async () => messages.length >= expected, 60_000, `${expected} messages on ${topic}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // any straggler beyond the expected count
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

const findIn = (where: string, text: string) =>
  NEEDLES.filter((needle) => text.includes(needle)).map((needle) => `${where} holds ${needle}`);

describe('no raw caller number anywhere: ClickHouse, the DLQ topic, API answers, logs', () => {
  let cluster: KafkaMockCluster;
  let producer: Producer;
  let embedded: TestApi;
  let viaKafka: TestApi;
  let client: ClickHouseClient;
  let output: ReturnType<typeof captureOutput>;
  const env = { LOG_LEVEL: 'debug', PII_HASH_KEY };
  const postRaw = (api: TestApi, body: string, contentType: string, path = '/events') =>
    send(api, { method: 'POST', path, body, contentType, token: api.token });

  beforeAll(async () => {
    cluster = await startKafkaMockCluster(1);
    await cluster.createTopic(TOPIC, 3);
    await cluster.createTopic(`${TOPIC}.dlq`, 1);
    producer = kafkaFor(cluster).producer();
    await producer.connect();
    output = captureOutput();
    embedded = await startTestApi({ now: () => NOW, env });
    viaKafka = await startTestApi({ env: { ...env, KAFKA_BROKERS: cluster.brokers.join(','), KAFKA_TOPIC: TOPIC } });
    client = await openClickHouse({ kind: 'embedded', path: WORKER_DATA_DIR, database: embedded.database });
  }, 120_000);
  afterAll(async () => {
    output?.restore();
    await client?.close();
    await embedded?.close();
    await viaKafka?.close();
    await producer?.disconnect();
    await cluster?.stop();
  });

  it(
    'ingests valid and invalid events carrying numbers through POST /events (embedded and Kafka) and straight into Kafka',
    async () => {
      // Embedded: JSON array, NDJSON, a number on an event type without the field, one nested in an extra.
      expect(
        await embedded.postEvents([
          offered('h1-o', 'h1', NUMBERS.httpValid, { category: 'complaint' }),
          {
            eventId: 'h1-a',
            type: 'call.answered',
            ts: at(590),
            callId: 'h1',
            queue: 'billing',
            agentId: 'a1',
            customerId: NUMBERS.httpOnAnsweredEvent,
          },
          offered('h3-o', 'h3', '', { attributes: { crm: { customerId: NUMBERS.httpNested } } }),
          { type: 'call.offered', callId: 'h-bad', customerId: NUMBERS.httpInvalid }, // no eventId, ts or queue
          offered('h-bare', 'h-bare', 'x', { customerId: Number(NUMBERS.httpBareNumber.slice(1)) }), // a number, not a string
        ]),
      ).toMatchObject({ accepted: 3, rejected: [{ index: 3 }, { index: 4 }] });
      const ndjson = [
        JSON.stringify(offered('h2-o', 'h2', NUMBERS.httpNdjsonValid)),
        `{"eventId":"h-cut","type":"call.offered","customerId":"${NUMBERS.httpBadJson}","queue":`, // cut off: not JSON
        JSON.stringify({ eventId: 'h-inv', type: 'call.offered', ts: at(500), callId: 'h-inv', customerId: NUMBERS.httpNdjsonInvalid }),
      ].join('\n');
      expect(await postRaw(embedded, ndjson, 'application/x-ndjson')).toMatchObject({ status: 202, body: { accepted: 1 } });
      const ctr = JSON.parse(fs.readFileSync(join(REPO_ROOT, 'ingest/src/adapters/connect/fixtures/abandoned.json'), 'utf8'));
      ctr.CustomerEndpoint.Address = NUMBERS.ctrValid;
      expect(await postRaw(embedded, JSON.stringify([ctr]), 'application/json', '/sources/connect-ctr')).toMatchObject({
        status: 202,
        body: { contacts: 1, rejected: [] },
      });

      // Through the api in Kafka mode (it produces; its in-process ingester consumes), then a producer of its own.
      const events = [offered('k1-o', 'k1', NUMBERS.kafkaApiValid), { type: 'call.offered', customerId: NUMBERS.kafkaApiInvalid }];
      expect(await postRaw(viaKafka, JSON.stringify(events), 'application/json')).toMatchObject({ status: 202 });
      expect(
        await postRaw(viaKafka, `{"eventId":"k-cut","customerId":"${NUMBERS.kafkaApiNdjsonBadJson}","type":`, 'application/x-ndjson'),
      ).toMatchObject({ status: 202 });
      await produceEvents(producer, TOPIC, [
        offered('p1-o', 'p1', NUMBERS.producedValid) as any,
        `{"eventId":"p-cut","type":"call.offered","customerId":"${NUMBERS.producedBadJson}","ts":`,
        JSON.stringify({ eventId: 'p-inv', type: 'call.offered', callId: 'p-inv', customerId: NUMBERS.producedInvalid }),
        JSON.stringify({ eventId: 'p-nest', type: 'call.teleported', attributes: [{ customerId: NUMBERS.producedNestedInvalid }] }),
      ]);

      // Embedded (answered once stored): 3 + 1 valid events and the contact's 2, dead letters 2 + 2.
      // Kafka: k1-o and p1-o valid; k-bad, k-cut, p-cut, p-inv and p-nest dead letters.
      const counts = async (database: string) => {
        const [row] = await (
          await client.query({
            query:
              'SELECT (SELECT count() FROM {db:Identifier}.events FINAL) AS events, (SELECT count() FROM {db:Identifier}.dead_letters FINAL) AS dead',
            query_params: { db: database },
            format: 'JSONEachRow',
          })
        ).json<{ events: string; dead: string }>();
        return { events: Number(row!.events), dead: Number(row!.dead) };
      };
      expect(await counts(embedded.database)).toEqual({ events: 6, dead: 4 });
      await waitFor(
        async () => JSON.stringify(await counts(viaKafka.database)) === JSON.stringify({ events: 2, dead: 5 }),
        INGESTED_MS,
        'the Kafka path to store 2 events and 5 dead letters',
      );
    },
    INGESTED_MS + 30_000,
  );

  it('stores the numbers only as their keyed hashes', async () => {
    const hashes = await (
      await client.query({ query: "SELECT DISTINCT customer_hash FROM events WHERE customer_hash != ''", format: 'JSONEachRow' })
    ).json<{ customer_hash: string }>();
    expect(hashes.map((row) => row.customer_hash).sort()).toEqual(
      [NUMBERS.httpValid, NUMBERS.httpOnAnsweredEvent, NUMBERS.httpNdjsonValid, NUMBERS.ctrValid].map(hashOf).sort(),
    );
    const [raw] = await (
      await client.query({ query: "SELECT raw FROM dead_letters WHERE raw LIKE '%h-bad%'", format: 'JSONEachRow' })
    ).json<{ raw: string }>();
    expect(raw!.raw).toContain(`hmac-sha256:${hashOf(NUMBERS.httpInvalid)}`);
  });

  it('has none in any column of any table of either database, nor in the system logs there are', async () => {
    const finds: string[] = [];
    for (const database of [embedded.database, viaKafka.database]) {
      const tables = await (
        await client.query({
          query: 'SELECT name FROM system.tables WHERE database = {database:String}',
          query_params: { database },
          format: 'JSONEachRow',
        })
      ).json<{ name: string }>();
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['events', 'dead_letters', 'audit_log']));
      for (const { name } of tables) finds.push(...(await findInTable(client, database, name)));
    }
    // chdb keeps no query_log or text_log; a ClickHouse server would, and they are scanned when present.
    const systemLogs = await (
      await client.query({
        query: "SELECT name FROM system.tables WHERE database = 'system' AND (name LIKE '%\\_log' OR name = 'errors')",
        format: 'JSONEachRow',
      })
    ).json<{ name: string }>();
    for (const { name } of systemLogs) finds.push(...(await findInTable(client, 'system', name)));
    expect(finds).toEqual([]);
  });

  it('has none in the dead-letter topic', async () => {
    // The api's invalid event and cut-off line, and the three invalid messages produced straight to Kafka.
    const messages = await readTopic(kafkaFor(cluster), `${TOPIC}.dlq`, 5);
    expect(messages).toHaveLength(5);
    const texts = messages.map((message) =>
      [message.key?.toString() ?? '', message.value?.toString() ?? '', ...Object.values(message.headers ?? {}).map(String)].join('\n'),
    );
    expect(texts.flatMap((text, index) => findIn(`DLQ message ${index}`, text))).toEqual([]);
    expect(texts.join('\n')).toContain(`hmac-sha256:${hashOf(NUMBERS.producedInvalid)}`);
  });

  it('has none in any answer: /calls, every /calls/:id, and the other reads', async () => {
    const finds: string[] = [];
    for (const api of [embedded, viaKafka]) {
      const period = { from: new Date(NOW - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
      const calls = await api.get('/calls', { ...period, limit: 500 });
      expect(calls.status).toBe(200);
      finds.push(...findIn(`${api.baseUrl}/calls`, JSON.stringify(calls.body)));
      for (const call of calls.body.calls) {
        const detail = await api.get(`/calls/${encodeURIComponent(call.callId)}`);
        expect(detail.status).toBe(200);
        finds.push(...findIn(`/calls/${call.callId}`, JSON.stringify(detail.body)));
      }
      for (const [path, query] of [
        ['/metrics', { ...period, groupBy: 'queue' }],
        ['/trends', { ...period, metric: 'offered', bucket: 'hour' }],
        ['/live', {}],
        ['/alerts', {}],
        ['/audit', {}],
      ] as const) {
        finds.push(...findIn(path, JSON.stringify((await api.get(path, query)).body)));
      }
    }
    expect(finds).toEqual([]);
    // The calls are there, showing the hash in the number's place.
    const h1 = await embedded.get('/calls/h1');
    expect(h1.body.customer).toBe(hashOf(NUMBERS.httpValid));
  });

  it("has none in the api's own log at debug level", () => {
    const log = output.text();
    // The capture saw the request log lines, so a number logged anywhere would be in it.
    expect(log).toContain('"url":"/api/v1/events"');
    expect(log).toContain('"level":20');
    expect(findIn('the log', log)).toEqual([]);
  });
});
