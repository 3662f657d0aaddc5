import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCallEvents } from '../fixtures/calls';
import { committedOffsetTotal, produceEvents, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { exitOf, freePort, runFromSource } from '../helpers/processes';

describe('the ingest service process', () => {
  const suite = useKafkaSuite();
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'callboard-service-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('on SIGTERM writes its open batch, commits it and exits 0', async () => {
    const events = generateCallEvents(60, Date.parse('2026-11-20T01:00:00Z'));
    await produceEvents(suite.producer, TOPIC, events);
    const metricsPort = await freePort();
    const service = runFromSource('ingest/src/main.ts', {
      KAFKA_BROKERS: suite.cluster.brokers.join(','),
      KAFKA_TOPIC: TOPIC,
      CLICKHOUSE_PATH: dataDir,
      INGEST_METRICS_PORT: String(metricsPort),
      INGEST_BATCH_SIZE: '100000',
      INGEST_BATCH_AGE_MS: '60000', // the batch stays open: only the SIGTERM path can write it
      PII_HASH_KEY: 'service-test-key-0123456789',
    });
    try {
      await waitFor(
        async () => (await bufferedRecords(metricsPort)) === events.length,
        60_000,
        `all records buffered; output: ${service.output()}`,
      );
      expect(await committedOffsetTotal(suite.admin, 'callboard-ingest', TOPIC)).toBe(0);

      service.kill('SIGTERM');
      expect(await exitOf(service)).toBe(0);
    } finally {
      service.kill('SIGKILL');
    }
    expect(await committedOffsetTotal(suite.admin, 'callboard-ingest', TOPIC)).toBe(events.length);
    const counter = runFromSource('test/src/helpers/count-events.ts', {}, [dataDir]);
    expect(await exitOf(counter)).toBe(0);
    expect(JSON.parse(counter.output().trim().split('\n').pop()!)).toEqual({ events: events.length });
  });
});

async function bufferedRecords(port: number): Promise<number> {
  try {
    const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const line = body.split('\n').find((text) => text.startsWith('callboard_ingest_buffered_records '));
    return line ? Number(line.split(' ')[1]) : -1;
  } catch {
    return -1; // not listening yet
  }
}
