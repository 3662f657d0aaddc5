import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSink, importQueueLog } from '@callboard/ingest';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { runCallboard } from '../simulator/cli';

// One morning of an Asterisk queue_log, 2026-11-10 from 09:00 (+08:00), written the way
// app_queue writes it. Default settings: service level 20 s, short abandon < 5 s.
const T0 = Date.parse('2026-11-10T09:00:00+08:00') / 1000;
const t = (seconds: number): number => T0 + seconds;
const QUEUE_LOG = [
  `${t(-60)}|NONE|NONE|NONE|QUEUESTART|`,
  `${t(-60)}|MANAGER|support|Alice|ADDMEMBER|`,
  `${t(-60)}|MANAGER|billing|Bob|ADDMEMBER|`,
  // support s1: wait 12, talk 180, the caller hangs up
  `${t(0)}|1794272400.1|support|NONE|ENTERQUEUE||+8613800000001|1`,
  `${t(12)}|1794272400.1|support|Alice|CONNECT|12|1794272412.2|3`,
  `${t(192)}|1794272400.1|support|Alice|COMPLETECALLER|12|180|1`,
  // billing b1: nobody can answer, the caller leaves after 2 s (flow-out, no_agents)
  `${t(30)}|1794272430.3|billing|NONE|ENTERQUEUE||+8613800000002|1`,
  `${t(32)}|1794272430.3|billing|NONE|EXITEMPTY|1|1|2`,
  // support s2: wait 30 (misses the 20 s target), talk 120, the agent hangs up
  `${t(60)}|1794272460.4|support|NONE|ENTERQUEUE||+8613800000003|1`,
  `${t(80)}|1794272460.4|support|Alice|RINGNOANSWER|15000`,
  `${t(90)}|1794272460.4|support|Alice|CONNECT|30|1794272490.5|4`,
  `${t(210)}|1794272460.4|support|Alice|COMPLETEAGENT|30|120|1`,
  // support s3: abandoned after 3 s (short); s4: abandoned after 40 s
  `${t(100)}|1794272500.6|support|NONE|ENTERQUEUE||anonymous|2`,
  `${t(103)}|1794272500.6|support|NONE|ABANDON|2|2|3`,
  `${t(120)}|1794272520.7|support|NONE|ENTERQUEUE||+8613800000004|2`,
  `${t(160)}|1794272520.7|support|NONE|ABANDON|1|2|40`,
  // support s5: queue timeout after 300 s; s6: presses 5 for a callback after 20 s
  `${t(200)}|1794272600.8|support|NONE|ENTERQUEUE||+8613800000005|1`,
  `${t(500)}|1794272600.8|support|NONE|EXITWITHTIMEOUT|1|1|300`,
  `${t(300)}|1794272700.9|support|NONE|ENTERQUEUE||+8613800000006|2`,
  `${t(320)}|1794272700.9|support|NONE|EXITWITHKEY|5|1|2|20`,
  'this line is not a queue_log line',
  // s7: support wait 5, talk 60, blind transfer to billing; billing wait 10, talk 90
  `${t(400)}|1794272800.10|support|NONE|ENTERQUEUE||+8613800000007|1`,
  `${t(405)}|1794272800.10|support|Alice|CONNECT|5|1794272805.11|2`,
  `${t(465)}|1794272800.10|support|Alice|BLINDTRANSFER|billing|from-internal|5|60|1`,
  `${t(465)}|1794272800.10|billing|NONE|ENTERQUEUE||+8613800000007|1`,
  `${t(475)}|1794272800.10|billing|Bob|CONNECT|10|1794272875.12|3`,
  `${t(565)}|1794272800.10|billing|Bob|COMPLETECALLER|10|90|1`,
  // support s8: wait 20 (on target), talk 60, attended transfer
  `${t(600)}|1794273000.13|support|NONE|ENTERQUEUE||+8613800000008|1`,
  `${t(620)}|1794273000.13|support|Alice|CONNECT|20|1794273020.14|2`,
  `${t(680)}|1794273000.13|support|Alice|ATTENDEDTRANSFER|BRIDGE|0c9d7a2e-51d4-4f7b-a1c3-3b2f0e6d8a90|20|60|1`,
  // billing b2: wait 8, talk 300; b3: still waiting
  `${t(700)}|1794273100.15|billing|NONE|ENTERQUEUE||+8613800000009|1`,
  `${t(708)}|1794273100.15|billing|Bob|CONNECT|8|1794273108.16|2`,
  `${t(1008)}|1794273100.15|billing|Bob|COMPLETEAGENT|8|300|1`,
  `${t(800)}|1794273200.17|billing|NONE|ENTERQUEUE||+8613800000010|2`,
  `${t(1200)}|NONE|billing|Bob|PAUSE|Lunch`,
].join('\n');

// support: offered 8; answered 4 (s1, s2, s7, s8); abandoned 2 (s3 short, s4); flowedOut 2 (s5, s6)
//   serviceLevel = within 20 s (s1 12, s7 5, s8 20) / (8 − 1 short) = 3/7
//   asaSeconds = (12 + 30 + 5 + 20) / 4 = 16.75; abandonmentRate = (2 − 1) / (8 − 1) = 1/7
//   handled 4 (s1, s2 ended with wrapup: false; s7, s8 transferred); no ACW
//   ahtSeconds = (180 + 120 + 60 + 60) / 4 = 105; transferred 2, transferRate 2/4
// billing: offered 4 (b1, s7, b2, b3); answered 2; flowedOut 1 (b1); waiting 1 (b3)
//   serviceLevel = 2 / 4; asaSeconds = (10 + 8) / 2 = 9; ahtSeconds = (90 + 300) / 2 = 195; transferred 0
// totals: offered 12 = answered 6 + abandoned 2 + flowedOut 3 + waiting 1
//   serviceLevel = 5 / 11; asaSeconds = 85 / 6; abandonmentRate = 1 / 11; ahtSeconds = 810 / 6 = 135; transferRate 2/6
const SUPPORT = {
  offered: 8,
  answered: 4,
  abandoned: 2,
  shortAbandoned: 1,
  flowedOut: 2,
  waiting: 0,
  serviceLevel: 3 / 7,
  asaSeconds: 16.75,
  abandonmentRate: 1 / 7,
  handled: 4,
  ahtSeconds: 105,
  avgAcwSeconds: 0,
  transferred: 2,
  transferRate: 0.5,
};
const BILLING = {
  offered: 4,
  answered: 2,
  abandoned: 0,
  shortAbandoned: 0,
  flowedOut: 1,
  waiting: 1,
  serviceLevel: 0.5,
  asaSeconds: 9,
  abandonmentRate: 0,
  handled: 2,
  ahtSeconds: 195,
  avgAcwSeconds: 0,
  transferred: 0,
  transferRate: 0,
};
const TOTALS = {
  offered: 12,
  answered: 6,
  abandoned: 2,
  shortAbandoned: 1,
  flowedOut: 3,
  waiting: 1,
  serviceLevel: 5 / 11,
  asaSeconds: 85 / 6,
  abandonmentRate: 1 / 11,
  handled: 6,
  ahtSeconds: 135,
  avgAcwSeconds: 0,
  transferred: 2,
  transferRate: 2 / 6,
};

const PERIOD = { from: '2026-11-10T08:00:00+08:00', to: '2026-11-10T12:00:00+08:00', tz: 'Asia/Shanghai' };
type Row = Record<string, unknown>;
// A hand fraction and the API's arithmetic may differ in the last binary digit.
const rounded = (row: Row, fields: string[]): Row =>
  Object.fromEntries(
    fields.map((field) => [field, typeof row[field] === 'number' ? Number((row[field] as number).toPrecision(12)) : row[field]]),
  );
const FIELDS = Object.keys(TOTALS);

describe('callboard import queue_log: an Asterisk queue_log into the api', () => {
  let api: TestApi;
  let folder: string;
  let file: string;
  beforeAll(async () => {
    api = await startTestApi({ now: () => Date.parse('2026-11-11T09:00:00+08:00') });
    folder = mkdtempSync(join(tmpdir(), 'queue-log-e2e-'));
    file = join(folder, 'queue_log');
    writeFileSync(file, `${QUEUE_LOG}\n`);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const importOnce = async () => {
    const sink = new HttpSink(api.baseUrl, api.token);
    const totals = await importQueueLog(file, sink, {});
    expect(sink.totals.rejected).toEqual([]);
    expect(totals.problems).toEqual([{ line: 21, message: 'expected epoch|callid|queuename|agent|EVENT|data…, found 1 field(s)' }]);
    return totals;
  };
  const metrics = async (groupBy?: string) => {
    const { status, body } = await api.get('/metrics', { ...PERIOD, groupBy });
    expect(status).toBe(200);
    return body as { totals: Row; groups: Array<Row & { key: Record<string, string | null> }> };
  };
  const figures = async () => {
    const total = await metrics();
    const byQueue = await metrics('queue');
    return {
      totals: rounded(total.totals, FIELDS),
      queues: Object.fromEntries(byQueue.groups.map((group) => [group.key['queue'], rounded(group, FIELDS)])),
    };
  };
  const expected = {
    totals: rounded(TOTALS, FIELDS),
    queues: { support: rounded(SUPPORT, FIELDS), billing: rounded(BILLING, FIELDS) },
  };

  it('gives the figures worked out by hand, totals and per queue', async () => {
    const totals = await importOnce();
    // 35 lines; the events: 12 offered, 6 answered, 2 abandoned, 3 flowed out, 4 ended, 2 transferred,
    // and the agents' states: 2 ADDMEMBER, 6 on_call, 6 back to available, 1 break.
    expect(totals).toMatchObject({ lines: 35, events: 29 + 15 });
    expect(await figures()).toEqual(expected);
  });

  it('counts nothing twice when the same file is imported again, here through the command line', async () => {
    const run = await runCallboard(['import', 'queue_log', file, '--http', api.baseUrl]);
    expect(run.output).toContain('35 lines read: 44 events sent, 1 lines skipped');
    expect(run.output).toContain('line 21: expected epoch|callid|queuename|agent|EVENT|data…');
    expect(run.code).toBe(0);
    expect(await figures()).toEqual(expected);
  });

  it('credits the answering agents', async () => {
    const byAgent = await metrics('agent');
    const answered = Object.fromEntries(byAgent.groups.map((group) => [Object.values(group.key)[0] ?? '(none)', group['answered']]));
    expect(answered).toEqual({ Alice: 4, Bob: 2, '(none)': 0 });
  });
});
