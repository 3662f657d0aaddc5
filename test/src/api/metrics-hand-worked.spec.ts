import { startTestApi, type TestApi } from '../helpers/api-harness';
import { DAY, NOW, SETTINGS, handWorkedEvents } from './fixtures/hand-worked-calls';

// Every number below is added up by hand from the per-leg figures in the fixture's comments
// (wait, talk/hold/ACW, FCR outcome per call). Legs of the day, by queue:
//   billing  c-01 a-1 12s | c-02 a-2 20s | c-03 abandoned 5s | c-04 abandoned 4.999s (short) | c-05 a-1 8s (transfer)
//            c-06 flowed out 120s | c-07 a-2 30s | c-16 a-1 10s | c-17 a-2 25s | c-20 a-2 2s
//   support  c-05 a-3 15s (escalated) | c-08 a-3 5s | c-09 a-4 10s | c-10 a-3 15s (wrapup:false) | c-18 a-4 20s | c-21 a-4 5s (no wrap-up yet)
//   sales    c-11 a-4 3s (anonymous) | c-12 flowed out 45s | c-13 waiting | c-14 a-1 6s | c-15 a-4 9s | c-19 a-3 4s
//   overflow c-06 abandoned 30s

type Row = Record<string, unknown>;
interface MetricsBody {
  from: string;
  to: string;
  timezone: string;
  totals: Row;
  groups: Array<Row & { key: Record<string, string | null> }>;
}

const COUNTS = ['offered', 'answered', 'abandoned', 'flowedOut', 'waiting', 'shortAbandoned'];
const QUEUE_RATIOS = ['abandonmentRate', 'answeredWithinServiceLevel', 'serviceLevel', 'asaSeconds', 'avgAbandonWaitSeconds'];
const HANDLE_TIME = ['handled', 'ahtSeconds', 'avgTalkSeconds', 'avgHoldSeconds', 'avgAcwSeconds'];
const TRANSFERS_ESCALATIONS = ['transferred', 'transferRate', 'wrapups', 'escalated', 'escalationRate'];
const FCR = ['contacts', 'fcrDecided', 'fcrResolved', 'fcrRate', 'fcrPending', 'fcrUnmatched'];
const SURVEYS = ['surveys', 'csatMean', 'topTwoBoxSurveys', 'csatRate', 'surveysAnsweringResolved', 'surveysResolved', 'fcrSurveyRate'];
const OCCUPANCY = ['occupiedSeconds', 'staffedSeconds', 'occupancy'];
const NONE = '(none)';
const NO_SURVEYS = {
  surveys: 0,
  csatMean: null,
  topTwoBoxSurveys: 0,
  csatRate: null,
  surveysAnsweringResolved: 0,
  surveysResolved: 0,
  fcrSurveyRate: null,
};

// A hand fraction (107 / 7) and the API's arithmetic may differ in the last binary digit.
const exact = (value: unknown): unknown => (typeof value === 'number' ? Number(value.toPrecision(12)) : value);
const pick = (row: Row, fields: string[]): Row => Object.fromEntries(fields.map((field) => [field, exact(row[field])]));
const exactRow = (row: Row): Row => pick(row, Object.keys(row));
const exactRows = (rows: Record<string, Row>): Record<string, Row> =>
  Object.fromEntries(Object.entries(rows).map(([label, row]) => [label, exactRow(row)]));
const table = (body: MetricsBody, fields: string[]): Record<string, Row> =>
  Object.fromEntries(body.groups.map((group) => [Object.values(group.key)[0] ?? NONE, pick(group, fields)]));

describe('GET /metrics over the hand-worked day (2026-11-10, Asia/Shanghai)', () => {
  let api: TestApi;
  const responses = new Map<string, Promise<MetricsBody>>();
  const metrics = (groupBy?: string): Promise<MetricsBody> => {
    const key = groupBy ?? '';
    if (!responses.has(key)) {
      responses.set(
        key,
        api.get<MetricsBody>('/metrics', { from: DAY.from, to: DAY.to, tz: DAY.tz, groupBy }).then(({ status, body }) => {
          if (status !== 200) throw new Error(`GET /metrics?groupBy=${key} → ${status} ${JSON.stringify(body)}`);
          return body;
        }),
      );
    }
    return responses.get(key)!;
  };
  const expectTable = async (groupBy: string, fields: string[], expected: Record<string, Row>): Promise<void> => {
    expect(table(await metrics(groupBy), fields)).toEqual(exactRows(expected));
  };

  beforeAll(async () => {
    api = await startTestApi({ now: () => NOW, timezone: DAY.tz });
    expect((await api.put('/settings', SETTINGS)).status).toBe(200);
    expect(await api.postEvents(handWorkedEvents)).toEqual({ accepted: handWorkedEvents.length, rejected: [] });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers for the period asked, in its timezone', async () => {
    const body = await metrics();
    expect(body.timezone).toBe('Asia/Shanghai');
    expect([Date.parse(body.from), Date.parse(body.to)]).toEqual([Date.parse(DAY.from), Date.parse(DAY.to)]);
  });

  it('totals', async () => {
    // Legs: billing 10 + support 6 + sales 6 + overflow 1 = 23 (c-00 offered the day before, c-22 at `to`: out).
    // answered 7 + 6 + 4 = 17; abandoned c-03, c-04, c-06 overflow = 3; flowed out c-06 billing, c-12 = 2; waiting c-13 = 1.
    // abandonmentRate (3 − 1) / (23 − 1) = 2/22. Within 20 s: billing 5 (not c-07 30 s, c-17 25 s) + support 6 + sales 4 = 15 → 15/22.
    // ASA (billing 12+20+8+30+10+25+2 = 107) + (support 15+5+10+15+20+5 = 70) + (sales 3+6+9+4 = 22) = 199 / 17.
    // Long abandons: c-03 5 s, c-06 overflow 30 s → 35 / 2.
    // Handled: 17 answered − c-21 = 16. talk billing 250+240+180+360+180+300+120 = 1630, support 97+300+240+240+120 = 997,
    // sales 240+120+180+180 = 720 → 3347; hold 50 + 83 + 60 = 193; ACW billing 48+40+0+60+50+60+30 = 288, support
    // 60+60+60+0+60 = 240, sales 4 × 60 = 240 → 768; handle 3347 + 193 + 768 = 4308.
    // Wrap-ups: 16 handled − c-05 billing (transfer) − c-10 (wrapup:false) = 14, one escalated.
    // FCR: calls with a final handling c-01 02 05 07 08 09 10 11 14 15 16 17 18 19 20 = 15 (c-21 has none);
    // c-11 is anonymous → 14 contacts, 1 unmatched; pending c-16, c-20 → 12 decided; resolved c-02 07 08 10 15 = 5.
    // Surveys: 5, 4, 1, 2, 3 (c-99's ignored, c-01's copy once) → mean 15/5; top-two 2; resolved given 4 (not c-02), true 2.
    // Occupancy: occupied a-1 3600 + a-2 10800 + a-3 3600 + a-4 7200 = 25200; staffed 18900 + 28800 + 28800 + 46800 = 123300.
    expect(
      pick((await metrics()).totals, [
        ...COUNTS,
        ...QUEUE_RATIOS,
        ...HANDLE_TIME,
        ...TRANSFERS_ESCALATIONS,
        ...FCR,
        ...SURVEYS,
        ...OCCUPANCY,
      ]),
    ).toEqual(
      exactRow({
        offered: 23,
        answered: 17,
        abandoned: 3,
        flowedOut: 2,
        waiting: 1,
        shortAbandoned: 1,
        abandonmentRate: 2 / 22,
        answeredWithinServiceLevel: 15,
        serviceLevel: 15 / 22,
        asaSeconds: 199 / 17,
        avgAbandonWaitSeconds: 17.5,
        handled: 16,
        ahtSeconds: 269.25,
        avgTalkSeconds: 3347 / 16,
        avgHoldSeconds: 193 / 16,
        avgAcwSeconds: 48,
        transferred: 1,
        transferRate: 1 / 17,
        wrapups: 14,
        escalated: 1,
        escalationRate: 1 / 14,
        contacts: 14,
        fcrDecided: 12,
        fcrResolved: 5,
        fcrRate: 5 / 12,
        fcrPending: 2,
        fcrUnmatched: 1,
        surveys: 5,
        csatMean: 3,
        topTwoBoxSurveys: 2,
        csatRate: 0.4,
        surveysAnsweringResolved: 4,
        surveysResolved: 2,
        fcrSurveyRate: 0.5,
        occupiedSeconds: 25200,
        staffedSeconds: 123300,
        occupancy: 25200 / 123300,
      }),
    );
  });

  describe('grouped by queue', () => {
    it('counts', () =>
      expectTable('queue', COUNTS, {
        billing: { offered: 10, answered: 7, abandoned: 2, flowedOut: 1, waiting: 0, shortAbandoned: 1 },
        support: { offered: 6, answered: 6, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        sales: { offered: 6, answered: 4, abandoned: 0, flowedOut: 1, waiting: 1, shortAbandoned: 0 },
        overflow: { offered: 1, answered: 0, abandoned: 1, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
      }));

    // billing: (2 − 1) / (10 − 1); within 5 / 9 (the flow-out and c-03 count as missed); ASA 107 / 7.
    // overflow answers nothing: 0 of 1 within is 0, while its ASA has no answered leg → null.
    it('abandonment, service level, speed of answer', () =>
      expectTable('queue', QUEUE_RATIOS, {
        billing: {
          abandonmentRate: 1 / 9,
          answeredWithinServiceLevel: 5,
          serviceLevel: 5 / 9,
          asaSeconds: 107 / 7,
          avgAbandonWaitSeconds: 5,
        },
        support: { abandonmentRate: 0, answeredWithinServiceLevel: 6, serviceLevel: 1, asaSeconds: 70 / 6, avgAbandonWaitSeconds: null },
        sales: { abandonmentRate: 0, answeredWithinServiceLevel: 4, serviceLevel: 4 / 6, asaSeconds: 22 / 4, avgAbandonWaitSeconds: null },
        overflow: { abandonmentRate: 1, answeredWithinServiceLevel: 0, serviceLevel: 0, asaSeconds: null, avgAbandonWaitSeconds: 30 },
      }));

    // billing handle 1630 + 50 + 288 = 1968 over 7; support (c-21 not handled) 997 + 143 + 240 = 1380 over 5;
    // sales 720 + 0 + 240 = 960 over 4. Wrap-ups: billing 7 − c-05 = 6; support 5 − c-10 = 4 (c-05 escalated); sales 4.
    it('handle time', () =>
      expectTable('queue', HANDLE_TIME, {
        billing: { handled: 7, ahtSeconds: 1968 / 7, avgTalkSeconds: 1630 / 7, avgHoldSeconds: 50 / 7, avgAcwSeconds: 288 / 7 },
        support: { handled: 5, ahtSeconds: 276, avgTalkSeconds: 997 / 5, avgHoldSeconds: 143 / 5, avgAcwSeconds: 48 },
        sales: { handled: 4, ahtSeconds: 240, avgTalkSeconds: 180, avgHoldSeconds: 0, avgAcwSeconds: 60 },
        overflow: { handled: 0, ahtSeconds: null, avgTalkSeconds: null, avgHoldSeconds: null, avgAcwSeconds: null },
      }));

    it('transfers and escalations', () =>
      expectTable('queue', TRANSFERS_ESCALATIONS, {
        billing: { transferred: 1, transferRate: 1 / 7, wrapups: 6, escalated: 0, escalationRate: 0 },
        support: { transferred: 0, transferRate: 0, wrapups: 4, escalated: 1, escalationRate: 0.25 },
        sales: { transferred: 0, transferRate: 0, wrapups: 4, escalated: 0, escalationRate: 0 },
        overflow: { transferred: 0, transferRate: null, wrapups: 0, escalated: 0, escalationRate: null },
      }));

    // By the first leg's queue. billing: c-01 (repeat at +168 h), c-02 ✓ (repeat at +168 h + 1 ms is outside),
    // c-05 (escalated), c-07 ✓, c-16 pending, c-17 (repeat), c-20 pending → 7 contacts, 5 decided, 2 resolved.
    // support (same category only): c-08 ✓ (its repeat is another category), c-09 (same-category repeat),
    // c-10 ✓ (wrapup:false), c-18 (unresolved) → 4, 4, 2. sales: c-14 (callback), c-15 ✓ (window ends at now),
    // c-19 (repeat c-20) → 3, 3, 1; c-11 anonymous → unmatched.
    it('first-contact resolution', () =>
      expectTable('queue', FCR, {
        billing: { contacts: 7, fcrDecided: 5, fcrResolved: 2, fcrRate: 2 / 5, fcrPending: 2, fcrUnmatched: 0 },
        support: { contacts: 4, fcrDecided: 4, fcrResolved: 2, fcrRate: 2 / 4, fcrPending: 0, fcrUnmatched: 0 },
        sales: { contacts: 3, fcrDecided: 3, fcrResolved: 1, fcrRate: 1 / 3, fcrPending: 0, fcrUnmatched: 1 },
        overflow: { contacts: 0, fcrDecided: 0, fcrResolved: 0, fcrRate: null, fcrPending: 0, fcrUnmatched: 0 },
      }));

    // billing: c-01 5 ✓true, c-02 4, c-05 1 ✗false (billing: its first leg's queue), c-07 2 ✗false → mean 12/4,
    // top-two 2/4, resolved 1 of 3 answering. sales: c-11 3 ✓true.
    it('surveys', () =>
      expectTable('queue', SURVEYS, {
        billing: {
          surveys: 4,
          csatMean: 3,
          topTwoBoxSurveys: 2,
          csatRate: 0.5,
          surveysAnsweringResolved: 3,
          surveysResolved: 1,
          fcrSurveyRate: 1 / 3,
        },
        support: NO_SURVEYS,
        sales: {
          surveys: 1,
          csatMean: 3,
          topTwoBoxSurveys: 0,
          csatRate: 0,
          surveysAnsweringResolved: 1,
          surveysResolved: 1,
          fcrSurveyRate: 1,
        },
        overflow: NO_SURVEYS,
      }));

    it('occupancy is not a queue figure', () =>
      expectTable('queue', OCCUPANCY, {
        billing: { occupiedSeconds: 0, staffedSeconds: 0, occupancy: null },
        support: { occupiedSeconds: 0, staffedSeconds: 0, occupancy: null },
        sales: { occupiedSeconds: 0, staffedSeconds: 0, occupancy: null },
        overflow: { occupiedSeconds: 0, staffedSeconds: 0, occupancy: null },
      }));
  });

  describe('grouped by agent (the answering agent; call-level figures: the final handling agent)', () => {
    // a-1: c-01, c-05 billing leg, c-14, c-16. a-2: c-02, c-07, c-17, c-20. a-3: c-05 support leg, c-08, c-10, c-19.
    // a-4: c-09, c-11, c-15, c-18, c-21. (none): c-03, c-04, c-06 × 2, c-12, c-13 — 4 + 4 + 4 + 5 + 6 = 23.
    it('counts', () =>
      expectTable('agent', COUNTS, {
        'a-1': { offered: 4, answered: 4, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        'a-2': { offered: 4, answered: 4, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        'a-3': { offered: 4, answered: 4, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        'a-4': { offered: 5, answered: 5, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        [NONE]: { offered: 6, answered: 0, abandoned: 3, flowedOut: 2, waiting: 1, shortAbandoned: 1 },
      }));

    // ASA a-1 (12+8+6+10)/4, a-2 (20+30+25+2)/4 with 2 within, a-3 (15+5+15+4)/4, a-4 (10+3+9+20+5)/5.
    // (none): (3 − 1) / (6 − 1); 0 of 5 within; long abandons 5 s and 30 s.
    it('abandonment, service level, speed of answer', () =>
      expectTable('agent', QUEUE_RATIOS, {
        'a-1': { abandonmentRate: 0, answeredWithinServiceLevel: 4, serviceLevel: 1, asaSeconds: 9, avgAbandonWaitSeconds: null },
        'a-2': { abandonmentRate: 0, answeredWithinServiceLevel: 2, serviceLevel: 0.5, asaSeconds: 19.25, avgAbandonWaitSeconds: null },
        'a-3': { abandonmentRate: 0, answeredWithinServiceLevel: 4, serviceLevel: 1, asaSeconds: 9.75, avgAbandonWaitSeconds: null },
        'a-4': { abandonmentRate: 0, answeredWithinServiceLevel: 5, serviceLevel: 1, asaSeconds: 9.4, avgAbandonWaitSeconds: null },
        [NONE]: { abandonmentRate: 0.4, answeredWithinServiceLevel: 0, serviceLevel: 0, asaSeconds: null, avgAbandonWaitSeconds: 17.5 },
      }));

    // a-1: talk 250+180+120+180 = 730, hold 50, ACW 48+0+60+50 = 158 → 938 / 4; 1 transfer; 3 wrap-ups.
    // a-2: talk 240+360+300+120 = 1020, ACW 40+60+60+30 = 190 → 1210 / 4.
    // a-3: talk 97+300+240+180 = 817, hold 83+60 = 143, ACW 60+60+0+60 = 180 → 1140 / 4; wrap-ups 3 (not c-10), 1 escalated.
    // a-4: c-21 not handled; talk 240+240+180+120 = 780, ACW 4 × 60 = 240 → 1020 / 4.
    it('handle time', () =>
      expectTable('agent', HANDLE_TIME, {
        'a-1': { handled: 4, ahtSeconds: 234.5, avgTalkSeconds: 182.5, avgHoldSeconds: 12.5, avgAcwSeconds: 39.5 },
        'a-2': { handled: 4, ahtSeconds: 302.5, avgTalkSeconds: 255, avgHoldSeconds: 0, avgAcwSeconds: 47.5 },
        'a-3': { handled: 4, ahtSeconds: 285, avgTalkSeconds: 204.25, avgHoldSeconds: 35.75, avgAcwSeconds: 45 },
        'a-4': { handled: 4, ahtSeconds: 255, avgTalkSeconds: 195, avgHoldSeconds: 0, avgAcwSeconds: 60 },
        [NONE]: { handled: 0, ahtSeconds: null, avgTalkSeconds: null, avgHoldSeconds: null, avgAcwSeconds: null },
      }));

    it('transfers and escalations', () =>
      expectTable('agent', TRANSFERS_ESCALATIONS, {
        'a-1': { transferred: 1, transferRate: 0.25, wrapups: 3, escalated: 0, escalationRate: 0 },
        'a-2': { transferred: 0, transferRate: 0, wrapups: 4, escalated: 0, escalationRate: 0 },
        'a-3': { transferred: 0, transferRate: 0, wrapups: 3, escalated: 1, escalationRate: 1 / 3 },
        'a-4': { transferred: 0, transferRate: 0, wrapups: 4, escalated: 0, escalationRate: 0 },
        [NONE]: { transferred: 0, transferRate: null, wrapups: 0, escalated: 0, escalationRate: null },
      }));

    // Final handling agent: a-1 c-01 ✗, c-14 ✗, c-16 pending (c-05 goes to a-3, who wrapped it up).
    // a-2 c-02 ✓, c-07 ✓, c-17 ✗, c-20 pending. a-3 c-05 ✗, c-08 ✓, c-10 ✓, c-19 ✗. a-4 c-09 ✗, c-15 ✓, c-18 ✗; c-11 unmatched.
    it('first-contact resolution', () =>
      expectTable('agent', FCR, {
        'a-1': { contacts: 3, fcrDecided: 2, fcrResolved: 0, fcrRate: 0, fcrPending: 1, fcrUnmatched: 0 },
        'a-2': { contacts: 4, fcrDecided: 3, fcrResolved: 2, fcrRate: 2 / 3, fcrPending: 1, fcrUnmatched: 0 },
        'a-3': { contacts: 4, fcrDecided: 4, fcrResolved: 2, fcrRate: 0.5, fcrPending: 0, fcrUnmatched: 0 },
        'a-4': { contacts: 3, fcrDecided: 3, fcrResolved: 1, fcrRate: 1 / 3, fcrPending: 0, fcrUnmatched: 1 },
        [NONE]: { contacts: 0, fcrDecided: 0, fcrResolved: 0, fcrRate: null, fcrPending: 0, fcrUnmatched: 0 },
      }));

    // a-1 c-01 5 ✓; a-2 c-02 4 (no answer), c-07 2 ✗ → mean 3; a-3 c-05 1 ✗; a-4 c-11 3 ✓.
    it('surveys', () =>
      expectTable('agent', SURVEYS, {
        'a-1': {
          surveys: 1,
          csatMean: 5,
          topTwoBoxSurveys: 1,
          csatRate: 1,
          surveysAnsweringResolved: 1,
          surveysResolved: 1,
          fcrSurveyRate: 1,
        },
        'a-2': {
          surveys: 2,
          csatMean: 3,
          topTwoBoxSurveys: 1,
          csatRate: 0.5,
          surveysAnsweringResolved: 1,
          surveysResolved: 0,
          fcrSurveyRate: 0,
        },
        'a-3': {
          surveys: 1,
          csatMean: 1,
          topTwoBoxSurveys: 0,
          csatRate: 0,
          surveysAnsweringResolved: 1,
          surveysResolved: 0,
          fcrSurveyRate: 0,
        },
        'a-4': {
          surveys: 1,
          csatMean: 3,
          topTwoBoxSurveys: 0,
          csatRate: 0,
          surveysAnsweringResolved: 1,
          surveysResolved: 1,
          fcrSurveyRate: 1,
        },
        [NONE]: NO_SURVEYS,
      }));

    // From the fixture's shift schedules: a-1 3600 / 18900, a-2 10800 / 28800, a-3 3600 / 28800, a-4 7200 / 46800.
    it('occupancy', () =>
      expectTable('agent', OCCUPANCY, {
        'a-1': { occupiedSeconds: 3600, staffedSeconds: 18900, occupancy: 3600 / 18900 },
        'a-2': { occupiedSeconds: 10800, staffedSeconds: 28800, occupancy: 0.375 },
        'a-3': { occupiedSeconds: 3600, staffedSeconds: 28800, occupancy: 0.125 },
        'a-4': { occupiedSeconds: 7200, staffedSeconds: 46800, occupancy: 7200 / 46800 },
        [NONE]: { occupiedSeconds: 0, staffedSeconds: 0, occupancy: null },
      }));
  });

  describe('grouped by team (north: a-1 + a-2, south: a-3 + a-4; a-4 answered c-09 before its first state event)', () => {
    const noLegs = { offered: 6, answered: 0, abandoned: 3, flowedOut: 2, waiting: 1, shortAbandoned: 1 };
    it('counts', () =>
      expectTable('team', COUNTS, {
        north: { offered: 8, answered: 8, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        south: { offered: 9, answered: 9, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        [NONE]: noLegs,
      }));

    // north: within 4 + 2, ASA (36 + 77) / 8. south: ASA (39 + 47) / 9.
    it('abandonment, service level, speed of answer', () =>
      expectTable('team', QUEUE_RATIOS, {
        north: { abandonmentRate: 0, answeredWithinServiceLevel: 6, serviceLevel: 0.75, asaSeconds: 113 / 8, avgAbandonWaitSeconds: null },
        south: { abandonmentRate: 0, answeredWithinServiceLevel: 9, serviceLevel: 1, asaSeconds: 86 / 9, avgAbandonWaitSeconds: null },
        [NONE]: { abandonmentRate: 0.4, answeredWithinServiceLevel: 0, serviceLevel: 0, asaSeconds: null, avgAbandonWaitSeconds: 17.5 },
      }));

    // north: handle 938 + 1210 = 2148 (talk 1750, hold 50, ACW 348) over 8. south: 1140 + 1020 = 2160 (talk 1597,
    // hold 143, ACW 420) over 8; wrap-ups 3 + 4, one escalated.
    it('handle time', () =>
      expectTable('team', HANDLE_TIME, {
        north: { handled: 8, ahtSeconds: 268.5, avgTalkSeconds: 218.75, avgHoldSeconds: 6.25, avgAcwSeconds: 43.5 },
        south: { handled: 8, ahtSeconds: 270, avgTalkSeconds: 1597 / 8, avgHoldSeconds: 143 / 8, avgAcwSeconds: 52.5 },
        [NONE]: { handled: 0, ahtSeconds: null, avgTalkSeconds: null, avgHoldSeconds: null, avgAcwSeconds: null },
      }));

    it('transfers and escalations', () =>
      expectTable('team', TRANSFERS_ESCALATIONS, {
        north: { transferred: 1, transferRate: 1 / 8, wrapups: 7, escalated: 0, escalationRate: 0 },
        south: { transferred: 0, transferRate: 0, wrapups: 7, escalated: 1, escalationRate: 1 / 7 },
        [NONE]: { transferred: 0, transferRate: null, wrapups: 0, escalated: 0, escalationRate: null },
      }));

    it('first-contact resolution', () =>
      expectTable('team', FCR, {
        north: { contacts: 7, fcrDecided: 5, fcrResolved: 2, fcrRate: 0.4, fcrPending: 2, fcrUnmatched: 0 },
        south: { contacts: 7, fcrDecided: 7, fcrResolved: 3, fcrRate: 3 / 7, fcrPending: 0, fcrUnmatched: 1 },
        [NONE]: { contacts: 0, fcrDecided: 0, fcrResolved: 0, fcrRate: null, fcrPending: 0, fcrUnmatched: 0 },
      }));

    // north: 5, 4, 2 → mean 11/3, top-two 2, answering 2 (5 ✓, 2 ✗). south: 1 ✗, 3 ✓ → mean 2.
    it('surveys', () =>
      expectTable('team', SURVEYS, {
        north: {
          surveys: 3,
          csatMean: 11 / 3,
          topTwoBoxSurveys: 2,
          csatRate: 2 / 3,
          surveysAnsweringResolved: 2,
          surveysResolved: 1,
          fcrSurveyRate: 0.5,
        },
        south: {
          surveys: 2,
          csatMean: 2,
          topTwoBoxSurveys: 0,
          csatRate: 0,
          surveysAnsweringResolved: 2,
          surveysResolved: 1,
          fcrSurveyRate: 0.5,
        },
        [NONE]: NO_SURVEYS,
      }));

    // north 3600 + 10800 / 18900 + 28800; south 3600 + 7200 / 28800 + 46800.
    it('occupancy', () =>
      expectTable('team', OCCUPANCY, {
        north: { occupiedSeconds: 14400, staffedSeconds: 47700, occupancy: 14400 / 47700 },
        south: { occupiedSeconds: 10800, staffedSeconds: 75600, occupancy: 1 / 7 },
        [NONE]: { occupiedSeconds: 0, staffedSeconds: 0, occupancy: null },
      }));
  });

  describe('grouped by category (the last wrap-up category, else the first offered one)', () => {
    // complaint c-01, c-03, c-17; inquiry c-02, c-16, c-19, c-20, c-21 (not c-07: re-categorised as cancellation);
    // fault c-05 × 2, c-08, c-09, c-18; order c-06 × 2, c-11, c-12, c-14, c-15; (none) c-04, c-13.
    it('counts', () =>
      expectTable('category', COUNTS, {
        complaint: { offered: 3, answered: 2, abandoned: 1, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        inquiry: { offered: 5, answered: 5, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        fault: { offered: 5, answered: 5, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        order: { offered: 6, answered: 3, abandoned: 1, flowedOut: 2, waiting: 0, shortAbandoned: 0 },
        cancellation: { offered: 1, answered: 1, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        consultation: { offered: 1, answered: 1, abandoned: 0, flowedOut: 0, waiting: 0, shortAbandoned: 0 },
        [NONE]: { offered: 2, answered: 0, abandoned: 1, flowedOut: 0, waiting: 1, shortAbandoned: 1 },
      }));

    // complaint: 1/3 abandoned, within 1 of 3 (12 s; 25 s is not), ASA (12 + 25) / 2. inquiry ASA (20+10+4+2+5)/5.
    // fault ASA (8+15+5+10+20)/5. order: 1/6 abandoned, within 3 of 6, ASA (3+6+9)/3. (none): (1 − 1) / (2 − 1) = 0, 0 of 1 within.
    it('abandonment, service level, speed of answer', () =>
      expectTable('category', QUEUE_RATIOS, {
        complaint: {
          abandonmentRate: 1 / 3,
          answeredWithinServiceLevel: 1,
          serviceLevel: 1 / 3,
          asaSeconds: 18.5,
          avgAbandonWaitSeconds: 5,
        },
        inquiry: { abandonmentRate: 0, answeredWithinServiceLevel: 5, serviceLevel: 1, asaSeconds: 8.2, avgAbandonWaitSeconds: null },
        fault: { abandonmentRate: 0, answeredWithinServiceLevel: 5, serviceLevel: 1, asaSeconds: 11.6, avgAbandonWaitSeconds: null },
        order: { abandonmentRate: 1 / 6, answeredWithinServiceLevel: 3, serviceLevel: 0.5, asaSeconds: 6, avgAbandonWaitSeconds: 30 },
        cancellation: { abandonmentRate: 0, answeredWithinServiceLevel: 0, serviceLevel: 0, asaSeconds: 30, avgAbandonWaitSeconds: null },
        consultation: { abandonmentRate: 0, answeredWithinServiceLevel: 1, serviceLevel: 1, asaSeconds: 15, avgAbandonWaitSeconds: null },
        [NONE]: { abandonmentRate: 0, answeredWithinServiceLevel: 0, serviceLevel: 0, asaSeconds: null, avgAbandonWaitSeconds: null },
      }));

    // complaint: 348 + 360 (talk 550, hold 50, ACW 108) / 2. inquiry: 280+230+240+150 (talk 720, ACW 180) / 4.
    // fault: 180+240+360+300+180 = 1260 (talk 937, hold 83, ACW 240) / 5. order: 300+180+240 (talk 540, ACW 180) / 3.
    // consultation: c-10 only, no wrap-up → escalationRate null.
    it('handle time', () =>
      expectTable('category', HANDLE_TIME, {
        complaint: { handled: 2, ahtSeconds: 354, avgTalkSeconds: 275, avgHoldSeconds: 25, avgAcwSeconds: 54 },
        inquiry: { handled: 4, ahtSeconds: 225, avgTalkSeconds: 180, avgHoldSeconds: 0, avgAcwSeconds: 45 },
        fault: { handled: 5, ahtSeconds: 252, avgTalkSeconds: 187.4, avgHoldSeconds: 16.6, avgAcwSeconds: 48 },
        order: { handled: 3, ahtSeconds: 240, avgTalkSeconds: 180, avgHoldSeconds: 0, avgAcwSeconds: 60 },
        cancellation: { handled: 1, ahtSeconds: 420, avgTalkSeconds: 360, avgHoldSeconds: 0, avgAcwSeconds: 60 },
        consultation: { handled: 1, ahtSeconds: 300, avgTalkSeconds: 240, avgHoldSeconds: 60, avgAcwSeconds: 0 },
        [NONE]: { handled: 0, ahtSeconds: null, avgTalkSeconds: null, avgHoldSeconds: null, avgAcwSeconds: null },
      }));

    it('transfers and escalations', () =>
      expectTable('category', TRANSFERS_ESCALATIONS, {
        complaint: { transferred: 0, transferRate: 0, wrapups: 2, escalated: 0, escalationRate: 0 },
        inquiry: { transferred: 0, transferRate: 0, wrapups: 4, escalated: 0, escalationRate: 0 },
        fault: { transferred: 1, transferRate: 0.2, wrapups: 4, escalated: 1, escalationRate: 0.25 },
        order: { transferred: 0, transferRate: 0, wrapups: 3, escalated: 0, escalationRate: 0 },
        cancellation: { transferred: 0, transferRate: 0, wrapups: 1, escalated: 0, escalationRate: 0 },
        consultation: { transferred: 0, transferRate: 0, wrapups: 0, escalated: 0, escalationRate: null },
        [NONE]: { transferred: 0, transferRate: null, wrapups: 0, escalated: 0, escalationRate: null },
      }));

    // complaint c-01 ✗, c-17 ✗. inquiry c-02 ✓, c-19 ✗, c-16 and c-20 pending. fault c-05 ✗, c-08 ✓, c-09 ✗, c-18 ✗.
    // order c-14 ✗, c-15 ✓, c-11 unmatched. cancellation c-07 ✓. consultation c-10 ✓.
    it('first-contact resolution', () =>
      expectTable('category', FCR, {
        complaint: { contacts: 2, fcrDecided: 2, fcrResolved: 0, fcrRate: 0, fcrPending: 0, fcrUnmatched: 0 },
        inquiry: { contacts: 4, fcrDecided: 2, fcrResolved: 1, fcrRate: 0.5, fcrPending: 2, fcrUnmatched: 0 },
        fault: { contacts: 4, fcrDecided: 4, fcrResolved: 1, fcrRate: 0.25, fcrPending: 0, fcrUnmatched: 0 },
        order: { contacts: 2, fcrDecided: 2, fcrResolved: 1, fcrRate: 0.5, fcrPending: 0, fcrUnmatched: 1 },
        cancellation: { contacts: 1, fcrDecided: 1, fcrResolved: 1, fcrRate: 1, fcrPending: 0, fcrUnmatched: 0 },
        consultation: { contacts: 1, fcrDecided: 1, fcrResolved: 1, fcrRate: 1, fcrPending: 0, fcrUnmatched: 0 },
        [NONE]: { contacts: 0, fcrDecided: 0, fcrResolved: 0, fcrRate: null, fcrPending: 0, fcrUnmatched: 0 },
      }));

    // One survey each: complaint 5 ✓, inquiry 4 (no answer → fcrSurveyRate null), fault 1 ✗, cancellation 2 ✗, order 3 ✓.
    it('surveys', () =>
      expectTable('category', SURVEYS, {
        complaint: {
          surveys: 1,
          csatMean: 5,
          topTwoBoxSurveys: 1,
          csatRate: 1,
          surveysAnsweringResolved: 1,
          surveysResolved: 1,
          fcrSurveyRate: 1,
        },
        inquiry: {
          surveys: 1,
          csatMean: 4,
          topTwoBoxSurveys: 1,
          csatRate: 1,
          surveysAnsweringResolved: 0,
          surveysResolved: 0,
          fcrSurveyRate: null,
        },
        fault: {
          surveys: 1,
          csatMean: 1,
          topTwoBoxSurveys: 0,
          csatRate: 0,
          surveysAnsweringResolved: 1,
          surveysResolved: 0,
          fcrSurveyRate: 0,
        },
        order: {
          surveys: 1,
          csatMean: 3,
          topTwoBoxSurveys: 0,
          csatRate: 0,
          surveysAnsweringResolved: 1,
          surveysResolved: 1,
          fcrSurveyRate: 1,
        },
        cancellation: {
          surveys: 1,
          csatMean: 2,
          topTwoBoxSurveys: 0,
          csatRate: 0,
          surveysAnsweringResolved: 1,
          surveysResolved: 0,
          fcrSurveyRate: 0,
        },
        consultation: NO_SURVEYS,
        [NONE]: NO_SURVEYS,
      }));
  });

  // Legs by the hour of their offer (c-00's abandon at 00:00:30 belongs to the 9th); occupancy clipped to each hour.
  // 09: c-01..c-04, c-05 × 2 (09:30, 09:33:08), c-06 × 2 (09:40, 09:42) = 8. 10: c-07..c-10. 11: c-11..c-14. 12: c-15.
  // 14: c-16. 15: c-17. 16: c-18, c-19. 17: c-20, c-21.
  // Staffed / occupied: 00 a-1 available 3600 (since 22:00 the day before). 08 a-2 + a-3 available.
  // 09 a-1 on_call 1800 + wrap_up 900 + available 900, a-2 on_call 3600, a-3 available 3600 → 6300 / 10800.
  // 10 a-1 available, a-2 on_call, a-3 on_call 2700 + wrap_up 900 → 7200 / 10800. 11 a-2 wrap_up, a-1 a-3 a-4 available → 3600 / 14400.
  // 12 only a-4 staffed, on_call → 3600 / 3600. 13 a-4 wrap_up, a-1 a-3 available → 3600 / 10800.
  // 14 a-1 on_call 900 then offline, a-2 a-3 a-4 available → 900 / 11700. 15, 16 a-2 a-3 a-4 available. 17 a-2 a-4. 18–23 a-4.
  it('groupBy hour: 24 buckets, each leg in the hour it was offered, occupancy clipped to each hour', async () => {
    // [local hour, offered, occupiedSeconds, staffedSeconds, occupancy] (an array: hour-named object keys would sort 10–23 first)
    const hours: Array<[hour: string, offered: number, occupiedSeconds: number, staffedSeconds: number, occupancy: number | null]> = [
      ['00', 0, 0, 3600, 0],
      ['01', 0, 0, 0, null],
      ['02', 0, 0, 0, null],
      ['03', 0, 0, 0, null],
      ['04', 0, 0, 0, null],
      ['05', 0, 0, 0, null],
      ['06', 0, 0, 0, null],
      ['07', 0, 0, 0, null],
      ['08', 0, 0, 7200, 0],
      ['09', 8, 6300, 10800, 6300 / 10800],
      ['10', 4, 7200, 10800, 2 / 3],
      ['11', 4, 3600, 14400, 0.25],
      ['12', 1, 3600, 3600, 1],
      ['13', 0, 3600, 10800, 1 / 3],
      ['14', 1, 900, 11700, 900 / 11700],
      ['15', 1, 0, 10800, 0],
      ['16', 2, 0, 10800, 0],
      ['17', 2, 0, 7200, 0],
      ['18', 0, 0, 3600, 0],
      ['19', 0, 0, 3600, 0],
      ['20', 0, 0, 3600, 0],
      ['21', 0, 0, 3600, 0],
      ['22', 0, 0, 3600, 0],
      ['23', 0, 0, 3600, 0],
    ];
    const expected = Object.fromEntries(
      hours.map(([hour, offered, occupiedSeconds, staffedSeconds, occupancy]) => [
        `2026-11-10T${hour}:00:00+08:00`,
        { offered, occupiedSeconds, staffedSeconds, occupancy },
      ]),
    );
    const body = await metrics('hour');
    expect(body.groups.map((group) => group.key['bucket'])).toEqual(hours.map(([hour]) => `2026-11-10T${hour}:00:00+08:00`));
    await expectTable('hour', ['offered', ...OCCUPANCY], expected);
  });

  it.each(['queue', 'agent', 'team', 'category', 'hour'])(
    'groupBy %s: offered = answered + abandoned + flowedOut + waiting in every group, and the groups add up to the totals',
    async (groupBy) => {
      const body = await metrics(groupBy);
      for (const group of body.groups) {
        const { offered, answered, abandoned, flowedOut, waiting } = group as unknown as Record<string, number>;
        expect({ key: group.key, offered }).toEqual({ key: group.key, offered: answered! + abandoned! + flowedOut! + waiting! });
      }
      const sums = Object.fromEntries(
        COUNTS.map((field) => [field, body.groups.reduce((sum, group) => sum + (group[field] as number), 0)]),
      );
      const totals = { offered: 23, answered: 17, abandoned: 3, flowedOut: 2, waiting: 1, shortAbandoned: 1 };
      expect(sums).toEqual(totals);
      expect(pick(body.totals, COUNTS)).toEqual(totals);
    },
  );

  describe('answers 400 naming the parameter at fault', () => {
    it.each([
      ['tz', 'an unknown timezone', { tz: 'Mars/Olympus_Mons' }],
      ['from', '`from` after `to`', { from: DAY.to, to: DAY.from }],
      ['groupBy', 'an unknown groupBy', { groupBy: 'fortnight' }],
      ['from', 'a malformed `from`', { from: 'last tuesday' }],
    ])('%s: %s', async (parameter, _what, params) => {
      const { status, body } = await api.get('/metrics', { from: DAY.from, to: DAY.to, tz: DAY.tz, ...params });
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toMatch(new RegExp(`\\b${parameter}\\b`));
    });
  });
});
