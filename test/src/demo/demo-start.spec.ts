import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Simulator, type CallEventInput } from '@callboard/ingest';
import { startTestApi, type TestApi } from '../helpers/api-harness';

const TIMEZONE = 'Asia/Shanghai';
const DAYS = 2;
const SEED = 7;

/** The embedded demo (what `bash scripts/start.sh` runs): history backfilled, then live; a restart keeps the data and counts nothing twice. */
describe('the embedded demo with the simulated centre', () => {
  let api: TestApi | undefined;
  afterEach(async () => api?.close());

  it('backfills the history, serves live figures at once, and survives a restart without double counting', async () => {
    const startOfToday = DateTime.now().setZone(TIMEZONE).startOf('day');
    const from = startOfToday.minus({ days: DAYS }).toMillis();
    const to = startOfToday.toMillis();
    // What the simulator sends for those days, counted here from its events.
    const expected: CallEventInput[] = [];
    await new Simulator({ seed: SEED, timezone: TIMEZONE }).backfill({
      from,
      to,
      sink: { send: async (events) => void expected.push(...events), close: async () => undefined },
    });
    const expectedOffered = expected.filter((event) => event.type === 'call.offered').length;
    expect(expectedOffered).toBeGreaterThan(1_000);

    const env = { CALLBOARD_SIMULATOR: 'demo', CALLBOARD_SIMULATOR_DAYS: String(DAYS), CALLBOARD_SIMULATOR_SEED: String(SEED) };
    api = await startTestApi({ timezone: TIMEZONE, keepDatabase: true, env });
    const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    const offered = async (target: TestApi) => (await target.get('/metrics', period)).body.totals.offered as number;
    await until(async () => (await offered(api!)) === expectedOffered, 'the history in ClickHouse', 120_000);

    // Today runs live: agents on the board and today's legs, straight away.
    const live = (await api.get('/live')).body;
    expect(live.totals.agents.length).toBeGreaterThan(0);

    // The way in that start.sh prints: an account per role and a TV token, beside the data directory.
    const credentials = JSON.parse(readFileSync(join(tmpdir(), 'demo-credentials.json'), 'utf8'));
    expect(credentials.usernames).toEqual(['admin', 'manager', 'supervisor', 'qa']);
    const signIn = await api.request('POST', '/auth/login', {
      token: null,
      body: { username: 'supervisor', password: credentials.password },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.principal).toMatchObject({ role: 'supervisor', queues: ['billing', 'orders'] });
    const tv = await api.request('GET', '/live', { token: credentials.wallboardToken });
    expect(tv.status).toBe(200);
    expect(tv.body.totals.agents.length).toBeGreaterThan(0);
    const database = api.database;
    await api.close();

    api = await startTestApi({ timezone: TIMEZONE, database, env });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await offered(api)).toBe(expectedOffered);
    // The accounts are made once: the printed password still opens them after a restart.
    const again = await api.request('POST', '/auth/login', { token: null, body: { username: 'admin', password: credentials.password } });
    expect(again.status).toBe(200);
  });
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
