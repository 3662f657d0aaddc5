/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../helpers/api-harness';

// The contact records of ingest/src/adapters/connect/fixtures (AWS's data model), all on
// 2026-11-12 UTC. Per leg, by queue (wait; talk + hold + ACW = handle time):
//   billing  A  abandoned after 35 s (not short)
//            H  jdoe, wait 15 s; 420 s span with 2 holds totalling 90 s → talk 330 + hold 90 + ACW 60 = 480
//            T1 asmith, wait 8 s; transferred to support after 240 s → talk 240 + hold 0 + ACW 0 = 240
//   support  T2 mlee, wait 30 s (same call as T1); 360 s span, one 45 s hold → 315 + 45 + ACW 40 = 400, escalated
//            D  mlee, wait 5 s; talk 180 + hold 0 + ACW 60 = 240 (two versions of the record: the later says resolved)
const FIXTURES = join(__dirname, '../../../ingest/src/adapters/connect/fixtures');
const PERIOD = { from: '2026-11-12T00:00:00Z', to: '2026-11-12T06:00:00Z' };
const NOW = Date.parse('2026-11-12T12:00:00Z');
const FIELDS = ['offered', 'answered', 'abandoned', 'flowedOut', 'waiting', 'serviceLevel', 'asaSeconds', 'handled'];
const MORE = ['ahtSeconds', 'avgTalkSeconds', 'avgHoldSeconds', 'avgAcwSeconds', 'transferred', 'wrapups', 'escalated'];
const FCR = ['contacts', 'fcrDecided', 'fcrPending'];

function records(name: string): unknown[] {
  const value: unknown = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
  return Array.isArray(value) ? value : [value];
}
const [newer, older] = records('duplicate.json');
const everything = [...records('abandoned.json'), ...records('handled-with-holds.json'), ...records('transferred.json'), newer, older];

/** POST /sources/connect-ctr as a JSON array, or NDJSON when `ndjson`. */
async function postCtrs(api: TestApi, body: unknown[] | string, ndjson = false) {
  const response = await fetch(`${api.baseUrl}/sources/connect-ctr`, {
    method: 'POST',
    headers: { 'content-type': ndjson ? 'application/x-ndjson' : 'application/json', authorization: `Bearer ${api.token}` },
    body: typeof body === 'string' ? body : ndjson ? body.map((record) => JSON.stringify(record)).join('\n') : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

// A hand fraction (2 / 3) and the API's arithmetic may differ in the last binary digit.
const exact = (value: unknown): unknown => (typeof value === 'number' ? Number(value.toPrecision(12)) : value);
const pick = (row: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.map((field) => [field, exact(row[field])]));

describe('POST /sources/connect-ctr: Amazon Connect contact records into the metrics', () => {
  let api: TestApi;
  const metrics = async () => {
    const { status, body } = await api.get('/metrics', { ...PERIOD, groupBy: 'queue' });
    expect(status).toBe(200);
    return body as { totals: Record<string, unknown>; groups: Array<Record<string, unknown> & { key: { queue: string } }> };
  };
  const byQueue = async (fields: string[]) =>
    Object.fromEntries((await metrics()).groups.map((group) => [group.key.queue, pick(group, fields)]));

  beforeAll(async () => {
    api = await startTestApi({ now: () => NOW });
    // The older version of D first, on its own: the later post's newer version must replace it, not add to it.
    expect(await postCtrs(api, [older], true)).toEqual({ status: 202, body: { records: 1, contacts: 1, accepted: 4, rejected: [] } });
    // 6 records, 5 contacts (D twice); events A 2 + H 8 + T1 3 + T2 6 + D 4 = 23.
    expect(await postCtrs(api, everything)).toEqual({ status: 202, body: { records: 6, contacts: 5, accepted: 23, rejected: [] } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('counts and waits per queue', async () => {
    // billing: offered 3 (A, H, T1), answered 2, abandoned 1; within 20 s: H 15, T1 8 → 2/3; ASA (15 + 8) / 2.
    // support: offered 2 (T2, D), answered 2; within 20 s: D 5 (T2 30 is not) → 1/2; ASA (30 + 5) / 2.
    expect(await byQueue(FIELDS)).toEqual({
      billing: {
        offered: 3,
        answered: 2,
        abandoned: 1,
        flowedOut: 0,
        waiting: 0,
        serviceLevel: exact(2 / 3),
        asaSeconds: 11.5,
        handled: 2,
      },
      support: { offered: 2, answered: 2, abandoned: 0, flowedOut: 0, waiting: 0, serviceLevel: 0.5, asaSeconds: 17.5, handled: 2 },
    });
  });

  it('handle time (talk + hold + ACW), transfers and wrap-ups per queue, and in total', async () => {
    // billing: (480 + 240) / 2 = 360; talk (330 + 240) / 2 = 285; hold 90 / 2 = 45; ACW 60 / 2 = 30 (T1 ended by transfer: none).
    // support: (400 + 240) / 2 = 320; talk (315 + 180) / 2 = 247.5; hold 45 / 2 = 22.5; ACW (40 + 60) / 2 = 50.
    expect(await byQueue(MORE)).toEqual({
      billing: { ahtSeconds: 360, avgTalkSeconds: 285, avgHoldSeconds: 45, avgAcwSeconds: 30, transferred: 1, wrapups: 1, escalated: 0 },
      support: {
        ahtSeconds: 320,
        avgTalkSeconds: 247.5,
        avgHoldSeconds: 22.5,
        avgAcwSeconds: 50,
        transferred: 0,
        wrapups: 2,
        escalated: 1,
      },
    });
    // Totals: offered 5, answered 4; within 20 s 3 → 3/5; ASA (15 + 8 + 30 + 5) / 4 = 14.5;
    // AHT (480 + 240 + 400 + 240) / 4 = 340; hold (90 + 45) / 4 = 33.75.
    expect(
      pick((await metrics()).totals, [
        'offered',
        'answered',
        'abandoned',
        'serviceLevel',
        'asaSeconds',
        'ahtSeconds',
        'avgHoldSeconds',
        'transferred',
      ]),
    ).toEqual({
      offered: 5,
      answered: 4,
      abandoned: 1,
      serviceLevel: 0.6,
      asaSeconds: 14.5,
      ahtSeconds: 340,
      avgHoldSeconds: 33.75,
      transferred: 1,
    });
  });

  it('one call per InitialContactId: the transfer is a second leg, not a repeat call; the updated record replaced the first', async () => {
    // Contacts (first leg's queue): H and T1→T2 in billing, D in support. T's final wrap-up is escalated →
    // decided; H and D are resolved with their 7-day window still open → pending. Had D's older version
    // (unresolved) stayed, support would show one decided contact.
    expect(await byQueue(FCR)).toEqual({
      billing: { contacts: 2, fcrDecided: 1, fcrPending: 1 },
      support: { contacts: 1, fcrDecided: 0, fcrPending: 1 },
    });
  });

  it('posting the duplicate and everything again changes nothing', async () => {
    const before = await metrics();
    expect(await postCtrs(api, records('duplicate.json'))).toMatchObject({ status: 202, body: { records: 2, contacts: 1, accepted: 4 } });
    expect(await postCtrs(api, everything, true)).toMatchObject({ status: 202, body: { records: 6, contacts: 5, accepted: 23 } });
    expect(await metrics()).toEqual(before);
  });

  it('names invalid records by their index and a bad body with a 400', async () => {
    const { status, body } = await postCtrs(api, [
      { Channel: 'VOICE' },
      { ContactId: 'c-x', Queue: { Name: 'billing', EnqueueTimestamp: 'soon' } },
    ]);
    expect(status).toBe(202);
    expect(body).toEqual({
      records: 0,
      contacts: 0,
      accepted: 0,
      rejected: [
        { index: 0, reason: 'ContactId: required' },
        { index: 1, reason: 'Queue.EnqueueTimestamp: not a timestamp: "soon"' },
      ],
    });
    expect(await postCtrs(api, '{"ContactId": "c-1"}\nnot json\n', true)).toMatchObject({
      body: { records: 1, rejected: [{ index: 1, reason: expect.stringMatching(/^not JSON/) }] },
    });
    const response = await fetch(`${api.baseUrl}/sources/connect-ctr`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${api.token}` },
      body: 'hello',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameters: [{ name: 'body', message: expect.stringContaining('NDJSON') }] });
  });
});
