import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NdjsonSink, Simulator } from '@callboard/ingest';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { runCallboard } from './cli';

const FROM = '2026-11-16T08:00:00+08:00';
const TO = '2026-11-16T10:00:00+08:00';

describe('callboard replay --http: an NDJSON file into the api', () => {
  let api: TestApi;
  let folder: string;
  beforeAll(async () => {
    api = await startTestApi();
    folder = mkdtempSync(join(tmpdir(), 'callboard-replay-'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stores every line, names the bad one, and the metrics count every offered leg', async () => {
    const file = join(folder, 'events.ndjson');
    const sink = new NdjsonSink(file);
    await new Simulator({ seed: 5 }).backfill({ from: Date.parse(FROM), to: Date.parse(TO), sink });
    await sink.close();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const offered = lines.filter((line) => (JSON.parse(line) as { type: string }).type === 'call.offered').length;
    expect(offered).toBeGreaterThan(300);
    writeFileSync(file, `${lines.join('\n')}\n\n{"type":"call.offered"}\n`);

    const replay = await runCallboard(['replay', file, '--http', api.baseUrl]);

    expect(replay.output).toContain(`${lines.length + 1} lines sent: ${lines.length} accepted, 1 rejected`);
    expect(replay.output).toContain(`line ${lines.length + 2}: missing_field`);
    expect(replay.code).toBe(0);
    const { body } = await api.get('/metrics', { from: FROM, to: TO });
    expect(body['totals'].offered).toBe(offered);
  });

  it('exits non-zero when the api does not accept the request', async () => {
    const file = join(folder, 'one.ndjson');
    writeFileSync(file, '{"eventId":"x","type":"call.abandoned","ts":0,"callId":"c","queue":"q"}\n');
    const replay = await runCallboard(['replay', file, '--http', `${api.baseUrl}/no-such-path`]);
    expect(replay.code).not.toBe(0);
    expect(replay.output).toContain('404');
  });
});
