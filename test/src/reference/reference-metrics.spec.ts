import { validateEvent } from '@callboard/ingest';
import { duplicateAndShuffle, generateCalls, type GenerateOptions } from './generate-calls';
import { DEFAULT_SETTINGS, referenceMetrics, type GroupBy, type Metrics, type ReferenceOptions } from './reference-metrics';

type Step = [type: string, afterMs: number, fields?: Record<string, unknown>];

/** One call's events, `afterMs` from `start`, with ids `<callId>-<n>`. */
function callEvents(callId: string, start: number, steps: Step[]): Record<string, unknown>[] {
  return steps.map(([type, afterMs, fields], index) => ({ eventId: `${callId}-${index}`, type, ts: start + afterMs, callId, ...fields }));
}

function agentState(agentId: string, ts: string, state: string, team?: string): Record<string, unknown> {
  return { eventId: `${agentId}-${ts}`, type: 'agent.state_changed', ts, agentId, state, team };
}

function groupsOf(result: { groups: Array<{ key: Record<string, string | null>; metrics: Metrics }> }) {
  return Object.fromEntries(result.groups.map((group) => [Object.values(group.key)[0] ?? 'null', group.metrics]));
}

const SHANGHAI_DAY = { from: '2026-11-22T00:00:00+08:00', to: '2026-11-23T00:00:00+08:00', timezone: 'Asia/Shanghai' };
const S = 1000;
const HOUR = 3_600_000;
const WEEK = 168 * HOUR;

describe('referenceMetrics on hand-worked scenarios', () => {
  it('reads the EVENTS.md example call', () => {
    const events = [
      {
        eventId: 'e1',
        type: 'call.offered',
        ts: '2026-11-22T09:00:00.000+08:00',
        callId: 'c-1',
        queue: 'billing',
        customerId: '+8613800000001',
        category: 'complaint',
      },
      { eventId: 'e2', type: 'call.answered', ts: '2026-11-22T09:00:12.000+08:00', callId: 'c-1', queue: 'billing', agentId: 'a-7' },
      { eventId: 'e3', type: 'call.hold_started', ts: '2026-11-22T09:02:00.000+08:00', callId: 'c-1', agentId: 'a-7' },
      { eventId: 'e4', type: 'call.hold_ended', ts: '2026-11-22T09:02:30.000+08:00', callId: 'c-1', agentId: 'a-7' },
      { eventId: 'e5', type: 'call.ended', ts: '2026-11-22T09:05:12.000+08:00', callId: 'c-1', agentId: 'a-7' },
      {
        eventId: 'e6',
        type: 'call.wrapup_completed',
        ts: '2026-11-22T09:06:00.000+08:00',
        callId: 'c-1',
        agentId: 'a-7',
        disposition: 'resolved',
      },
      { eventId: 'e7', type: 'survey.completed', ts: '2026-11-22T09:07:00.000+08:00', callId: 'c-1', score: 5 },
    ];
    // wait 12 s (≤ 20: within service level); hold 30 s; talk 312 − 12 − 30 = 270 s; ACW 360 − 312 = 48 s; handle 348 s.
    // Resolved, no repeat, and now is 8 days on: the window has passed, so decided and resolved.
    const settled = referenceMetrics(events, { ...SHANGHAI_DAY, now: Date.parse('2026-11-30T09:00:00+08:00') });
    expect(settled.totals).toEqual({
      ...zeroCounts(),
      offered: 1,
      answered: 1,
      abandonmentRate: 0,
      answeredWithinServiceLevel: 1,
      serviceLevel: 1,
      asaSeconds: 12,
      handled: 1,
      ahtSeconds: 348,
      avgTalkSeconds: 270,
      avgHoldSeconds: 30,
      avgAcwSeconds: 48,
      transferRate: 0,
      wrapups: 1,
      escalationRate: 0,
      contacts: 1,
      fcrDecided: 1,
      fcrResolved: 1,
      fcrRate: 1,
      surveys: 1,
      csatMean: 5,
      topTwoBoxSurveys: 1,
      csatRate: 1,
    });
    // A day later the 168 h window is still open: pending, so no rate yet.
    const early = referenceMetrics(events, { ...SHANGHAI_DAY, now: Date.parse('2026-11-23T09:00:00+08:00') });
    expect(early.totals).toMatchObject({ contacts: 1, fcrDecided: 0, fcrResolved: 0, fcrPending: 1, fcrRate: null });
  });

  it('counts short abandons, service-level edges and the first outcome only', () => {
    const start = Date.parse('2026-11-22T09:00:00+08:00');
    const offered: Step = ['call.offered', 0, { queue: 'q' }];
    const events = [
      ...callEvents('short', start, [offered, ['call.abandoned', 4999, { queue: 'q' }]]), // 4.999 s < 5: short
      ...callEvents('five', start, [offered, ['call.abandoned', 5 * S, { queue: 'q' }]]), // exactly 5 s: not short
      ...callEvents('at20', start, [
        offered,
        ['call.answered', 20 * S, { queue: 'q', agentId: 'a' }],
        ['call.abandoned', 30 * S, { queue: 'q' }],
      ]),
      ...callEvents('past20', start, [offered, ['call.answered', 20 * S + 1, { queue: 'q', agentId: 'a' }]]),
      ...callEvents('tie', start, [
        offered,
        ['call.abandoned', 8 * S, { queue: 'q' }],
        ['call.answered', 8 * S, { queue: 'q', agentId: 'a' }],
      ]),
      ...callEvents('flow', start, [offered, ['call.flowed_out', 10 * S, { queue: 'q', reason: 'timeout' }]]),
      ...callEvents('still', start, [offered]),
    ];
    // 7 offered = 3 answered (20, 20.001, 8 s; the tie goes to the answer) + 2 abandoned + 1 flowed out + 1 waiting.
    // abandonmentRate (2 − 1) / (7 − 1); serviceLevel 2 (20 s and 8 s) / 6; ASA 48.001 / 3; long abandons wait 5 s.
    const result = referenceMetrics(events, { ...SHANGHAI_DAY, now: start + HOUR });
    expect(result.totals).toMatchObject({
      offered: 7,
      answered: 3,
      abandoned: 2,
      flowedOut: 1,
      waiting: 1,
      shortAbandoned: 1,
      abandonmentRate: 1 / 6,
      answeredWithinServiceLevel: 2,
      serviceLevel: 2 / 6,
      asaSeconds: expect.closeTo(48.001 / 3, 9),
      avgAbandonWaitSeconds: 5,
      handled: 0,
      ahtSeconds: null,
    });
    // With a 10 s short-abandon and 30 s service level both abandons are short: 0 / 5 abandoned, 3 / 5 within service level.
    const lenient = { ...DEFAULT_SETTINGS, shortAbandonSeconds: 10, serviceLevelSeconds: 30 };
    const custom = referenceMetrics(events, { ...SHANGHAI_DAY, now: start + HOUR, settingsFor: () => lenient });
    expect(custom.totals).toMatchObject({ shortAbandoned: 2, abandonmentRate: 0, serviceLevel: 3 / 5, avgAbandonWaitSeconds: null });
  });

  describe('a call transferred with a hold still open, then escalated and re-categorised', () => {
    const start = Date.parse('2026-11-22T10:00:00+08:00');
    const events = [
      ...callEvents('c', start, [
        ['call.offered', 0, { queue: 'q1', customerId: 'X', category: 'inquiry' }],
        ['call.answered', 10 * S, { queue: 'q1', agentId: 'a1' }],
        ['call.hold_started', 60 * S, { agentId: 'a1' }],
        ['call.transferred', 100 * S, { agentId: 'a1', toQueue: 'q2' }],
        ['call.offered', 100 * S, { queue: 'q2', customerId: 'X', category: 'order' }],
        ['call.answered', 105 * S, { queue: 'q2', agentId: 'a2' }],
        ['call.hold_started', 120 * S, { agentId: 'a2' }],
        ['call.hold_ended', 130 * S, { agentId: 'a2' }],
        ['call.ended', 165 * S, { agentId: 'a2' }],
        ['call.wrapup_completed', 195 * S, { agentId: 'a2', disposition: 'escalated', category: 'fault' }],
      ]),
      agentState('a1', '2026-11-22T09:00:00+08:00', 'available', 'red'),
      agentState('a2', '2026-11-22T09:00:00+08:00', 'available', 'blue'),
    ];
    // Leg 1: hold 60→100 s (closed by the transfer) = 40 s, talk 100 − 10 − 40 = 50 s, no ACW: handle 90 s.
    // Leg 2: hold 10 s, talk 165 − 105 − 10 = 50 s, ACW 30 s: handle 90 s. Contact: escalated, so decided and not resolved.
    const options = { ...SHANGHAI_DAY, now: start + 8 * 24 * HOUR };

    it('sums both legs in the totals', () => {
      expect(referenceMetrics(events, options).totals).toMatchObject({
        offered: 2,
        answered: 2,
        handled: 2,
        ahtSeconds: 90,
        avgTalkSeconds: 50,
        avgHoldSeconds: 25,
        avgAcwSeconds: 15,
        transferred: 1,
        transferRate: 0.5,
        wrapups: 1,
        escalated: 1,
        escalationRate: 1,
        contacts: 1,
        fcrDecided: 1,
        fcrResolved: 0,
        fcrRate: 0,
      });
    });

    it('gives legs to their queue, agent and team, and the contact to the first queue and the last wrap-up', () => {
      const byQueue = groupsOf(referenceMetrics(events, { ...options, groupBy: 'queue' }));
      expect(byQueue.q1).toMatchObject({ offered: 1, transferred: 1, ahtSeconds: 90, wrapups: 0, contacts: 1, occupancy: null });
      expect(byQueue.q2).toMatchObject({ offered: 1, transferred: 0, ahtSeconds: 90, wrapups: 1, contacts: 0, staffedSeconds: 0 });
      const byAgent = groupsOf(referenceMetrics(events, { ...options, groupBy: 'agent' }));
      expect(byAgent.a1).toMatchObject({ offered: 1, contacts: 0 });
      expect(byAgent.a2).toMatchObject({ offered: 1, contacts: 1 });
      // Both agents available from 09:00 to the day's end: 15 h staffed, nothing occupied.
      const byTeam = groupsOf(referenceMetrics(events, { ...options, groupBy: 'team' }));
      expect(Object.keys(byTeam)).toEqual(['blue', 'red']);
      expect(byTeam.red).toMatchObject({ offered: 1, contacts: 0, staffedSeconds: 15 * 3600, occupancy: 0 });
      expect(byTeam.blue).toMatchObject({ offered: 1, contacts: 1, staffedSeconds: 15 * 3600 });
    });

    it('files both legs under the last wrap-up category', () => {
      const byCategory = referenceMetrics(events, { ...options, groupBy: 'category' });
      expect(byCategory.groups.map((group) => [group.key, group.metrics.offered, group.metrics.contacts])).toEqual([
        [{ category: 'fault' }, 2, 1],
      ]);
    });
  });

  describe('first-contact resolution', () => {
    const start = Date.parse('2026-11-02T09:00:00+08:00');
    const answered = (queue: string, end: Step): Step[] => [
      ['call.answered', 5 * S, { queue, agentId: 'a' }],
      ['call.ended', 60 * S, { agentId: 'a' }],
      end,
    ];
    const wrapup = (disposition: string): Step => ['call.wrapup_completed', 90 * S, { agentId: 'a', disposition }];
    const events = [
      ...callEvents('x1', start, [
        ['call.offered', 0, { queue: 'q', customerId: 'X', category: 'order' }],
        ...answered('q', wrapup('resolved')),
      ]),
      ...callEvents('x2', start + WEEK, [['call.offered', 0, { queue: 'q', customerId: 'X', category: 'fault' }]]),
      ...callEvents('y1', start + S, [
        ['call.offered', 0, { queue: 'q', customerId: 'Y', category: 'order' }],
        ...answered('q', wrapup('resolved')),
      ]),
      ...callEvents('y2', start + S + WEEK + 1, [['call.offered', 0, { queue: 'q', customerId: 'Y', category: 'order' }]]),
      ...callEvents('z1', start + 2 * S, [
        ['call.offered', 0, { queue: 'q', customerId: 'Z' }],
        ['call.answered', 5 * S, { queue: 'q', agentId: 'a' }],
        ['call.ended', 60 * S, { agentId: 'a', wrapup: false }],
      ]),
      ...callEvents('w1', start + 3 * S, [['call.offered', 0, { queue: 'q', customerId: 'W' }], ...answered('q', wrapup('resolved'))]),
      ...callEvents('u1', start + 4 * S, [
        ['call.offered', 0, { queue: 'q', customerId: 'U' }],
        ...answered('q', wrapup('callback_scheduled')),
      ]),
      ...callEvents('anon', start + 5 * S, [['call.offered', 0, { queue: 'q', customerId: '' }], ...answered('q', wrapup('resolved'))]),
    ];
    // now = start + 168 h + 2 s: the windows of x1, y1 and z1 have passed, w1's (start + 3 s + 168 h) has not.
    const options: ReferenceOptions = {
      from: '2026-11-02T09:00:00+08:00',
      to: '2026-11-02T10:00:00+08:00',
      timezone: 'Asia/Shanghai',
      now: start + WEEK + 2 * S,
    };

    it('decides by repeat, disposition or a passed window', () => {
      // x1: repeat at exactly t0 + 168 h → not resolved. y1: next call 1 ms past its window → resolved.
      // z1: no wrap-up tracked, it simply ended → resolved. w1: window still open → pending. u1: callback → decided, not resolved.
      // anon: no customer → fcrUnmatched. Decided 4 (x1, y1, z1, u1), resolved 2 (y1, z1).
      expect(referenceMetrics(events, options).totals).toMatchObject({
        contacts: 5,
        fcrDecided: 4,
        fcrResolved: 2,
        fcrRate: 0.5,
        fcrPending: 1,
        fcrUnmatched: 1,
      });
    });

    it('counts only a same-category repeat when the queue asks for it', () => {
      // x2 is a fault call, x1 an order call: no repeat, and x1's window has passed → resolved too: 3 / 4.
      const sameCategory = { ...DEFAULT_SETTINGS, fcrSameCategoryOnly: true };
      const result = referenceMetrics(events, { ...options, settingsFor: () => sameCategory });
      expect(result.totals).toMatchObject({ contacts: 5, fcrDecided: 4, fcrResolved: 3, fcrRate: 0.75 });
    });
  });

  it('takes the first known caller and the first leg category', () => {
    const start = Date.parse('2026-11-22T09:00:00+08:00');
    const events = callEvents('c', start, [
      ['call.offered', 0, { queue: 'q1', category: 'order' }],
      ['call.flowed_out', 30 * S, { queue: 'q1', reason: 'key' }],
      ['call.offered', 30 * S, { queue: 'q2', customerId: 'X', category: 'fault' }],
      ['call.answered', 40 * S, { queue: 'q2', agentId: 'a' }],
      ['call.ended', 100 * S, { agentId: 'a' }],
      ['call.wrapup_completed', 110 * S, { agentId: 'a', disposition: 'resolved' }],
    ]);
    // The caller is known from the second leg: a contact, not unmatched. Both legs and the contact are 'order' calls.
    const result = referenceMetrics(events, { ...SHANGHAI_DAY, groupBy: 'category', now: start + 2 * WEEK });
    expect(result.groups).toEqual([
      { key: { category: 'order' }, metrics: expect.objectContaining({ offered: 2, flowedOut: 1, contacts: 1, fcrUnmatched: 0 }) },
    ]);
  });

  it('reads no event more than 48 h after the call was first offered', () => {
    const start = Date.parse('2026-11-22T09:00:00+08:00');
    const events = callEvents('c', start, [
      ['call.offered', 0, { queue: 'q', customerId: 'X' }],
      ['call.answered', 10 * S, { queue: 'q', agentId: 'a' }],
      ['call.ended', 100 * S, { agentId: 'a' }],
      ['call.wrapup_completed', 49 * HOUR, { agentId: 'a', disposition: 'resolved' }],
    ]);
    expect(referenceMetrics(events, { ...SHANGHAI_DAY, now: start + 2 * WEEK }).totals).toMatchObject({
      answered: 1,
      handled: 0,
      wrapups: 0,
      contacts: 0,
    });
  });

  describe('occupancy', () => {
    const events = [
      agentState('a1', '2026-11-22T08:00:00+08:00', 'available', 'red'),
      agentState('a1', '2026-11-22T08:30:00+08:00', 'on_call'),
      agentState('a1', '2026-11-22T08:50:00+08:00', 'wrap_up'),
      agentState('a1', '2026-11-22T09:00:00+08:00', 'break'),
      agentState('a1', '2026-11-22T09:30:00+08:00', 'available'),
      agentState('b1', '2026-11-22T08:00:00+08:00', 'break', 'blue'),
    ];
    // a1, 08:00–10:00 (now): available 30 + 30 min, on call 20, wrap-up 10, break 30 → staffed 90 min, occupied 30 min.
    const options: ReferenceOptions = {
      from: '2026-11-22T08:00:00+08:00',
      to: '2026-11-22T11:00:00+08:00',
      timezone: 'Asia/Shanghai',
      now: Date.parse('2026-11-22T10:00:00+08:00'),
    };

    it('divides on-call and wrap-up time by staffed time, up to now', () => {
      expect(referenceMetrics(events, options).totals).toMatchObject({ occupiedSeconds: 1800, staffedSeconds: 5400, occupancy: 1 / 3 });
    });

    it('splits by hour, and lists only teams with staffed time', () => {
      // 08:00–09:00: 30 of 60 staffed minutes occupied; 09:00–10:00: 30 staffed minutes, none occupied; 10:00–11:00: after now.
      const byHour = referenceMetrics(events, { ...options, groupBy: 'hour' }).groups;
      expect(byHour.map((group) => [group.key.bucket, group.metrics.staffedSeconds, group.metrics.occupancy])).toEqual([
        ['2026-11-22T08:00:00+08:00', 3600, 0.5],
        ['2026-11-22T09:00:00+08:00', 1800, 0],
        ['2026-11-22T10:00:00+08:00', 0, null],
      ]);
      const byTeam = referenceMetrics(events, { ...options, groupBy: 'team' }).groups;
      expect(byTeam.map((group) => group.key)).toEqual([{ team: 'red' }]);
    });

    it('is not a queue figure', () => {
      const byQueue = referenceMetrics(events, { ...options, groupBy: 'queue' });
      expect(byQueue.groups).toEqual([]);
      expect(byQueue.totals.occupancy).toBe(1 / 3);
    });
  });

  describe('time buckets', () => {
    const events = [
      ...callEvents('before', Date.parse('2026-10-27T10:00:00-04:00'), [['call.offered', 0, { queue: 'q' }]]),
      ...callEvents('repeated-hour', Date.parse('2026-11-01T01:30:00-05:00'), [['call.offered', 0, { queue: 'q' }]]),
    ];
    const newYork = { timezone: 'America/New_York', now: Date.parse('2026-11-10T00:00:00Z') };

    it('lists 25 hours on the day New York leaves daylight saving time', () => {
      const result = referenceMetrics(events, {
        ...newYork,
        from: '2026-11-01T00:00:00-04:00',
        to: '2026-11-02T00:00:00-05:00',
        groupBy: 'hour',
      });
      expect(result.groups).toHaveLength(25);
      expect(result.groups.slice(1, 4).map((group) => [group.key.bucket, group.metrics.offered])).toEqual([
        ['2026-11-01T01:00:00-04:00', 0],
        ['2026-11-01T01:00:00-05:00', 1],
        ['2026-11-01T02:00:00-05:00', 0],
      ]);
    });

    it('starts weeks on Monday and counts only the part of a bucket inside the period', () => {
      const result = referenceMetrics(events, {
        ...newYork,
        from: '2026-10-28T12:00:00-04:00',
        to: '2026-11-04T00:00:00-05:00',
        groupBy: 'week',
      });
      expect(result.groups.map((group) => [group.key.bucket, group.metrics.offered])).toEqual([
        ['2026-10-26T00:00:00-04:00', 1],
        ['2026-11-02T00:00:00-05:00', 0],
      ]);
    });

    it('keys days, months and quarter hours by their local start', () => {
      const period = { ...newYork, from: '2026-11-01T00:00:00-04:00', to: '2026-11-01T02:00:00-05:00' };
      const keys = (groupBy: GroupBy) => referenceMetrics(events, { ...period, groupBy }).groups.map((group) => group.key.bucket);
      expect(keys('day')).toEqual(['2026-11-01T00:00:00-04:00']);
      expect(keys('month')).toEqual(['2026-11-01T00:00:00-04:00']);
      expect(keys('interval15m')).toHaveLength(12);
    });
  });
});

describe('referenceMetrics on generated calls', () => {
  const generate: GenerateOptions = {
    seed: 7,
    calls: 1500,
    start: '2026-10-26T00:00:00Z',
    days: 10,
    queues: ['billing', 'support', 'vip'],
    agents: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
    teams: ['red', 'blue'],
  };
  const events = generateCalls(generate);
  const period = {
    from: '2026-10-27T00:00:00-04:00',
    to: '2026-11-04T00:00:00-05:00',
    timezone: 'America/New_York',
    now: Date.parse('2026-11-07T00:00:00Z'),
  };
  const groupings: Array<GroupBy | undefined> = [
    undefined,
    'queue',
    'agent',
    'team',
    'category',
    'hour',
    'day',
    'week',
    'month',
    'interval15m',
  ];

  it.each(groupings)('gives the same answer from duplicated, shuffled events (groupBy %s)', (groupBy) => {
    const clean = referenceMetrics(events, { ...period, groupBy });
    expect(referenceMetrics(duplicateAndShuffle(events, 99), { ...period, groupBy })).toEqual(clean);
  });

  it.each(groupings)('adds up: offered = answered + abandoned + flowedOut + waiting, groups sum to totals (groupBy %s)', (groupBy) => {
    const { totals, groups } = referenceMetrics(events, { ...period, groupBy });
    for (const metrics of [totals, ...groups.map((group) => group.metrics)]) {
      expect(metrics.offered).toBe(metrics.answered + metrics.abandoned + metrics.flowedOut + metrics.waiting);
    }
    if (!groupBy) return;
    const sum = (field: keyof Metrics) => groups.reduce((total, group) => total + (group.metrics[field] as number), 0);
    for (const field of ['offered', 'answered', 'handled', 'wrapups', 'contacts', 'fcrDecided', 'fcrUnmatched', 'surveys'] as const) {
      expect(sum(field)).toBe(totals[field]);
    }
    if (groupBy !== 'queue' && groupBy !== 'category') expect(sum('staffedSeconds')).toBeCloseTo(totals.staffedSeconds, 3);
  });

  it('generates valid events with unique ids, the same for the same seed', () => {
    expect(events.filter((event) => !validateEvent(event, period.now).ok)).toEqual([]);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
    expect(generateCalls(generate)).toEqual(events);
    expect(generateCalls({ ...generate, seed: 8 })).not.toEqual(events);
    const types = new Set(events.map((event) => `${event.type} ${String(event.state ?? event.disposition ?? event.reason ?? '')}`));
    for (const state of ['available', 'on_call', 'wrap_up', 'break', 'offline']) expect(types).toContain(`agent.state_changed ${state}`);
    for (const disposition of ['resolved', 'unresolved', 'escalated', 'callback_scheduled'])
      expect(types).toContain(`call.wrapup_completed ${disposition}`);
    for (const reason of ['timeout', 'key', 'no_agents']) expect(types).toContain(`call.flowed_out ${reason}`);
  });

  it('covers every kind of leg and call', () => {
    const { totals } = referenceMetrics(events, period);
    for (const field of [
      'answered',
      'abandoned',
      'flowedOut',
      'waiting',
      'shortAbandoned',
      'transferred',
      'escalated',
      'fcrResolved',
      'fcrPending',
      'fcrUnmatched',
    ] as const) {
      expect(totals[field]).toBeGreaterThan(0);
    }
    expect(totals.occupancy).toBeGreaterThan(0);
  });
});

function zeroCounts(): Metrics {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    flowedOut: 0,
    waiting: 0,
    shortAbandoned: 0,
    abandonmentRate: null,
    answeredWithinServiceLevel: 0,
    serviceLevel: null,
    asaSeconds: null,
    avgAbandonWaitSeconds: null,
    handled: 0,
    ahtSeconds: null,
    avgTalkSeconds: null,
    avgHoldSeconds: null,
    avgAcwSeconds: null,
    transferred: 0,
    transferRate: null,
    wrapups: 0,
    escalated: 0,
    escalationRate: null,
    contacts: 0,
    fcrDecided: 0,
    fcrResolved: 0,
    fcrRate: null,
    fcrPending: 0,
    fcrUnmatched: 0,
    surveys: 0,
    csatMean: null,
    topTwoBoxSurveys: 0,
    csatRate: null,
    surveysAnsweringResolved: 0,
    surveysResolved: 0,
    fcrSurveyRate: null,
    occupiedSeconds: 0,
    staffedSeconds: 0,
    occupancy: null,
  };
}
