/* eslint-disable @typescript-eslint/no-explicit-any -- tests read answers loosely and assert on them */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCallEvents } from '../fixtures/calls';
import { produceEvents, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { exitOf, freePort, runFromSource } from '../helpers/processes';

const MAX_LAG_SECONDS = 3;
// Records wait this long in an open batch: longer than the limit, so the lag passes it before they are written.
const BATCH_AGE_MS = 10_000;

describe('the ingest service process: /health and /ready', () => {
  const suite = useKafkaSuite();
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'callboard-service-ready-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is ready when idle, not ready naming ingestLag while records wait past the limit, and ready again once written', async () => {
    const port = await freePort();
    const service = runFromSource('ingest/src/main.ts', {
      KAFKA_BROKERS: suite.cluster.brokers.join(','),
      KAFKA_TOPIC: TOPIC,
      CLICKHOUSE_PATH: dataDir,
      INGEST_METRICS_PORT: String(port),
      INGEST_BATCH_SIZE: '100000',
      INGEST_BATCH_AGE_MS: String(BATCH_AGE_MS),
      CALLBOARD_READY_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      PII_HASH_KEY: 'service-test-key-0123456789',
    });
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: response.status, body: (await response.json()) as any };
    };
    const answers = (path: string) => get(path).catch(() => undefined);
    try {
      await waitFor(async () => (await answers('/ready'))?.status === 200, 60_000, `/ready 200 when idle; output: ${service.output()}`);
      const idle = await get('/ready');
      expect(idle.body).toEqual({
        status: 'ready',
        checks: {
          clickHouse: { ok: true, ms: expect.any(Number) },
          kafka: { ok: true, ms: expect.any(Number) },
          ingestLag: { ok: true, seconds: 0, messages: expect.any(Number), limit: MAX_LAG_SECONDS },
        },
      });

      const events = generateCallEvents(40, Date.parse('2026-11-20T01:00:00Z'));
      const producedFrom = Date.now();
      await produceEvents(suite.producer, TOPIC, events);
      let notReady: any;
      await waitFor(
        async () => {
          const answer = await get('/ready');
          if (answer.status === 503) notReady = answer.body;
          return answer.status === 503;
        },
        BATCH_AGE_MS + 30_000,
        '/ready 503 while the batch waits',
      );
      const answeredBy = Date.now();
      expect(notReady.status).toBe('not_ready');
      expect(notReady.checks.clickHouse.ok).toBe(true);
      expect(notReady.checks.kafka.ok).toBe(true);
      expect(notReady.checks.ingestLag.ok).toBe(false);
      expect(notReady.checks.ingestLag.limit).toBe(MAX_LAG_SECONDS);
      // By the records' Kafka timestamps: past the limit, and no older than the first of them.
      expect(notReady.checks.ingestLag.seconds).toBeGreaterThan(MAX_LAG_SECONDS);
      expect(notReady.checks.ingestLag.seconds).toBeLessThanOrEqual((answeredBy - producedFrom) / 1000 + 0.05);
      expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });

      await waitFor(async () => (await get('/ready')).status === 200, BATCH_AGE_MS + 30_000, '/ready 200 once the batch is written');
      expect((await get('/ready')).body.checks.ingestLag).toMatchObject({ ok: true, seconds: 0 });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^callboard_ingest_lag_seconds 0$/m);
    } finally {
      service.kill('SIGTERM');
      await exitOf(service);
    }
  });
});
