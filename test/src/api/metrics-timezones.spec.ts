import { startTestApi, type TestApi } from '../helpers/api-harness';

// Time buckets start at local times of the requested zone (METRICS-READING.md "Periods and buckets").
// America/New_York 2026: spring forward Sunday 03-08 02:00 EST → 03:00 EDT (a 23-hour day), fall back Sunday
// 11-01 02:00 EDT → 01:00 EST (a 25-hour day: 01:00–01:59 happens twice, first at −04:00, then at −05:00).
// Asia/Shanghai is +08:00 all year, so its local midnight is 16:00 UTC the day before.
// Each scenario's calls live in a queue of their own and its query filters on that queue. Every call is
// offered at the listed instant and answered 30 s later, so a leg offered at xx:59:59.999 is answered in the
// next bucket yet counts, offered and answered, in the bucket of its offer.

interface Scenario {
  queue: string;
  tz: string;
  groupBy: 'hour' | 'day' | 'week' | 'month' | 'interval15m';
  from: string;
  to: string;
  offeredAt: string[];
  /** Every bucket of [from, to), in order. */
  buckets: string[];
  /** Legs per non-empty bucket, worked out by hand. */
  counts: Record<string, number>;
}

interface Group {
  key: { bucket: string };
  offered: number;
  answered: number;
  asaSeconds: number | null;
  serviceLevel: number | null;
}

const NOW = Date.parse('2026-11-23T12:00:00.000+08:00');
const NEW_YORK = 'America/New_York';
const SHANGHAI = 'Asia/Shanghai';

/** `${date}T${hh}:00:00${offset}` for hh = first…last: the plain stretches of a day, away from any DST edge. */
const hourKeys = (date: string, first: number, last: number, offset: string): string[] =>
  Array.from({ length: last - first + 1 }, (_, index) => `${date}T${String(first + index).padStart(2, '0')}:00:00${offset}`);

const scenarios: Record<string, Scenario> = {
  // 00:59:59.999−04 → 00:00−04; 01:00−04 and 01:59:59.999−04 (05:59:59.999Z) → 01:00−04; 1 ms later comes
  // 01:00:00.000−05 (06:00Z) → 01:00−05, with 01:30−05; 02:00−05 → 02:00−05; 23:59:59.999−05 → 23:00−05.
  // 2 + 1 + 22 = 25 buckets; 1 + 2 + 2 + 1 + 1 = 7 legs (the ones just before `from` and at `to` are out).
  'New York, fall back, by hour: 25 buckets': {
    queue: 'ny-fall-hour',
    tz: NEW_YORK,
    groupBy: 'hour',
    from: '2026-11-01T00:00:00-04:00',
    to: '2026-11-02T00:00:00-05:00',
    offeredAt: [
      '2026-10-31T23:59:59.999-04:00',
      '2026-11-01T00:59:59.999-04:00',
      '2026-11-01T01:00:00.000-04:00',
      '2026-11-01T01:59:59.999-04:00',
      '2026-11-01T01:00:00.000-05:00',
      '2026-11-01T01:30:00.000-05:00',
      '2026-11-01T02:00:00.000-05:00',
      '2026-11-01T23:59:59.999-05:00',
      '2026-11-02T00:00:00.000-05:00',
    ],
    buckets: [
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      ...hourKeys('2026-11-01', 2, 23, '-05:00'),
    ],
    counts: {
      '2026-11-01T00:00:00-04:00': 1,
      '2026-11-01T01:00:00-04:00': 2,
      '2026-11-01T01:00:00-05:00': 2,
      '2026-11-01T02:00:00-05:00': 1,
      '2026-11-01T23:00:00-05:00': 1,
    },
  },

  // 01:59:59.999−05 (06:59:59.999Z) → 01:00−05; 1 ms later is 03:00:00.000−04 → 03:00−04 (there is no 02:00).
  // 2 + 21 = 23 buckets; 4 legs.
  'New York, spring forward, by hour: 23 buckets': {
    queue: 'ny-spring-hour',
    tz: NEW_YORK,
    groupBy: 'hour',
    from: '2026-03-08T00:00:00-05:00',
    to: '2026-03-09T00:00:00-04:00',
    offeredAt: [
      '2026-03-08T00:00:00.000-05:00',
      '2026-03-08T01:59:59.999-05:00',
      '2026-03-08T03:00:00.000-04:00',
      '2026-03-08T23:59:59.999-04:00',
      '2026-03-09T00:00:00.000-04:00',
    ],
    buckets: ['2026-03-08T00:00:00-05:00', '2026-03-08T01:00:00-05:00', ...hourKeys('2026-03-08', 3, 23, '-04:00')],
    counts: {
      '2026-03-08T00:00:00-05:00': 1,
      '2026-03-08T01:00:00-05:00': 1,
      '2026-03-08T03:00:00-04:00': 1,
      '2026-03-08T23:00:00-04:00': 1,
    },
  },

  // 01:00−04 to 02:00−05 is 05:00Z–07:00Z: the repeated hour twice over, 8 quarter-hours.
  'New York, fall back, by quarter-hour: the repeated hour twice': {
    queue: 'ny-fall-15m',
    tz: NEW_YORK,
    groupBy: 'interval15m',
    from: '2026-11-01T01:00:00-04:00',
    to: '2026-11-01T02:00:00-05:00',
    offeredAt: [
      '2026-11-01T00:59:59.999-04:00',
      '2026-11-01T01:14:59.999-04:00',
      '2026-11-01T01:15:00.000-04:00',
      '2026-11-01T01:59:59.999-04:00',
      '2026-11-01T01:00:00.000-05:00',
      '2026-11-01T01:44:59.999-05:00',
      '2026-11-01T02:00:00.000-05:00',
    ],
    buckets: [
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:15:00-04:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:45:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T01:15:00-05:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T01:45:00-05:00',
    ],
    counts: {
      '2026-11-01T01:00:00-04:00': 1,
      '2026-11-01T01:15:00-04:00': 1,
      '2026-11-01T01:45:00-04:00': 1,
      '2026-11-01T01:00:00-05:00': 1,
      '2026-11-01T01:30:00-05:00': 1,
    },
  },

  // 01:30−05 to 03:30−04 is 06:30Z–07:30Z: one hour, 4 quarter-hours, 01:45−05 followed by 03:00−04.
  'New York, spring forward, by quarter-hour: the skipped hour is skipped': {
    queue: 'ny-spring-15m',
    tz: NEW_YORK,
    groupBy: 'interval15m',
    from: '2026-03-08T01:30:00-05:00',
    to: '2026-03-08T03:30:00-04:00',
    offeredAt: [
      '2026-03-08T01:29:59.999-05:00',
      '2026-03-08T01:59:59.999-05:00',
      '2026-03-08T03:00:00.000-04:00',
      '2026-03-08T03:29:59.999-04:00',
    ],
    buckets: ['2026-03-08T01:30:00-05:00', '2026-03-08T01:45:00-05:00', '2026-03-08T03:00:00-04:00', '2026-03-08T03:15:00-04:00'],
    counts: { '2026-03-08T01:45:00-05:00': 1, '2026-03-08T03:00:00-04:00': 1, '2026-03-08T03:15:00-04:00': 1 },
  },

  // 11-01 starts at 00:00−04 and lasts 25 h, to 11-02 00:00−05: 23:59:59.999−05 (11-02 04:59:59.999Z) is still 11-01.
  'New York, fall back, by day: the 25-hour day': {
    queue: 'ny-day',
    tz: NEW_YORK,
    groupBy: 'day',
    from: '2026-10-31T00:00:00-04:00',
    to: '2026-11-03T00:00:00-05:00',
    offeredAt: [
      '2026-10-31T23:59:59.999-04:00',
      '2026-11-01T00:00:00.000-04:00',
      '2026-11-01T23:59:59.999-05:00',
      '2026-11-02T00:00:00.000-05:00',
      '2026-11-02T23:59:59.999-05:00',
    ],
    buckets: ['2026-10-31T00:00:00-04:00', '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00'],
    counts: { '2026-10-31T00:00:00-04:00': 1, '2026-11-01T00:00:00-04:00': 2, '2026-11-02T00:00:00-05:00': 2 },
  },

  // The same five calls in Shanghai's days: +12 h from EDT, +13 h from EST, all around local noon.
  // 10-31 23:59:59.999−04 = 11-01 11:59:59.999+08; 11-01 00:00−04 = 11-01 12:00+08; 11-01 23:59:59.999−05 =
  // 11-02 12:59:59.999+08; 11-02 00:00−05 = 11-02 13:00+08; 11-02 23:59:59.999−05 = 11-03 12:59:59.999+08.
  'the New York day calls, by Shanghai day': {
    queue: 'ny-day',
    tz: SHANGHAI,
    groupBy: 'day',
    from: '2026-10-31T00:00:00+08:00',
    to: '2026-11-04T00:00:00+08:00',
    offeredAt: [],
    buckets: ['2026-10-31T00:00:00+08:00', '2026-11-01T00:00:00+08:00', '2026-11-02T00:00:00+08:00', '2026-11-03T00:00:00+08:00'],
    counts: { '2026-11-01T00:00:00+08:00': 2, '2026-11-02T00:00:00+08:00': 2, '2026-11-03T00:00:00+08:00': 1 },
  },

  // 03-08 starts at 00:00−05 and lasts 23 h, to 03-09 00:00−04.
  'New York, spring forward, by day: the 23-hour day': {
    queue: 'ny-spring-day',
    tz: NEW_YORK,
    groupBy: 'day',
    from: '2026-03-07T00:00:00-05:00',
    to: '2026-03-10T00:00:00-04:00',
    offeredAt: ['2026-03-08T00:00:00.000-05:00', '2026-03-08T23:59:59.999-04:00', '2026-03-09T00:00:00.000-04:00'],
    buckets: ['2026-03-07T00:00:00-05:00', '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00'],
    counts: { '2026-03-08T00:00:00-05:00': 2, '2026-03-09T00:00:00-04:00': 1 },
  },

  // Weeks from Monday: 10-26 (EDT) holds the fall-back Sunday 11-01 to its last millisecond; 11-02 (EST) is next.
  'New York, by week from Monday across the fall-back': {
    queue: 'ny-week',
    tz: NEW_YORK,
    groupBy: 'week',
    from: '2026-10-26T00:00:00-04:00',
    to: '2026-11-09T00:00:00-05:00',
    offeredAt: [
      '2026-10-25T23:59:59.999-04:00',
      '2026-10-26T00:00:00.000-04:00',
      '2026-11-01T23:59:59.999-05:00',
      '2026-11-02T00:00:00.000-05:00',
      '2026-11-08T23:59:59.999-05:00',
    ],
    buckets: ['2026-10-26T00:00:00-04:00', '2026-11-02T00:00:00-05:00'],
    counts: { '2026-10-26T00:00:00-04:00': 2, '2026-11-02T00:00:00-05:00': 2 },
  },

  // March starts in EST and ends in EDT; November starts in EDT (the change is at 02:00 on the 1st).
  'New York, by month: offsets change inside March and November': {
    queue: 'ny-month',
    tz: NEW_YORK,
    groupBy: 'month',
    from: '2026-02-01T00:00:00-05:00',
    to: '2026-12-01T00:00:00-05:00',
    offeredAt: [
      '2026-03-01T00:00:00.000-05:00',
      '2026-03-31T23:59:59.999-04:00',
      '2026-04-01T00:00:00.000-04:00',
      '2026-10-31T23:59:59.999-04:00',
      '2026-11-01T00:00:00.000-04:00',
      '2026-11-20T12:00:00.000-05:00',
    ],
    buckets: [
      '2026-02-01T00:00:00-05:00',
      '2026-03-01T00:00:00-05:00',
      '2026-04-01T00:00:00-04:00',
      '2026-05-01T00:00:00-04:00',
      '2026-06-01T00:00:00-04:00',
      '2026-07-01T00:00:00-04:00',
      '2026-08-01T00:00:00-04:00',
      '2026-09-01T00:00:00-04:00',
      '2026-10-01T00:00:00-04:00',
      '2026-11-01T00:00:00-04:00',
    ],
    counts: {
      '2026-03-01T00:00:00-05:00': 2,
      '2026-04-01T00:00:00-04:00': 1,
      '2026-10-01T00:00:00-04:00': 1,
      '2026-11-01T00:00:00-04:00': 2,
    },
  },

  // 24 buckets; 00:00:00.000 and 00:59:59.999 → 00:00, 01:00 → 01:00, 23:59:59.999 → 23:00.
  'Shanghai, by hour': {
    queue: 'sh-hour',
    tz: SHANGHAI,
    groupBy: 'hour',
    from: '2026-11-22T00:00:00+08:00',
    to: '2026-11-23T00:00:00+08:00',
    offeredAt: [
      '2026-11-21T23:59:59.999+08:00',
      '2026-11-22T00:00:00.000+08:00',
      '2026-11-22T00:59:59.999+08:00',
      '2026-11-22T01:00:00.000+08:00',
      '2026-11-22T23:59:59.999+08:00',
      '2026-11-23T00:00:00.000+08:00',
    ],
    buckets: hourKeys('2026-11-22', 0, 23, '+08:00'),
    counts: { '2026-11-22T00:00:00+08:00': 2, '2026-11-22T01:00:00+08:00': 1, '2026-11-22T23:00:00+08:00': 1 },
  },

  // Local days, not UTC days: 11-21 07:59:59.999+08 is 11-20 in UTC; 11-22 00:00+08 is 11-21 16:00Z.
  'Shanghai, by day': {
    queue: 'sh-day',
    tz: SHANGHAI,
    groupBy: 'day',
    from: '2026-11-20T00:00:00+08:00',
    to: '2026-11-23T00:00:00+08:00',
    offeredAt: [
      '2026-11-20T08:00:00.000+08:00',
      '2026-11-21T07:59:59.999+08:00',
      '2026-11-21T23:59:59.999+08:00',
      '2026-11-22T00:00:00.000+08:00',
    ],
    buckets: ['2026-11-20T00:00:00+08:00', '2026-11-21T00:00:00+08:00', '2026-11-22T00:00:00+08:00'],
    counts: { '2026-11-20T00:00:00+08:00': 1, '2026-11-21T00:00:00+08:00': 2, '2026-11-22T00:00:00+08:00': 1 },
  },

  // Monday 00:00+08 is Sunday 16:00Z: 11-16 00:00+08 opens a week, 11-22 23:59:59.999+08 (Sunday) closes it.
  'Shanghai, by week from Monday': {
    queue: 'sh-week',
    tz: SHANGHAI,
    groupBy: 'week',
    from: '2026-11-09T00:00:00+08:00',
    to: '2026-11-30T00:00:00+08:00',
    offeredAt: [
      '2026-11-15T23:59:59.999+08:00',
      '2026-11-16T00:00:00.000+08:00',
      '2026-11-22T23:59:59.999+08:00',
      '2026-11-23T00:00:00.000+08:00',
    ],
    buckets: ['2026-11-09T00:00:00+08:00', '2026-11-16T00:00:00+08:00', '2026-11-23T00:00:00+08:00'],
    counts: { '2026-11-09T00:00:00+08:00': 1, '2026-11-16T00:00:00+08:00': 2, '2026-11-23T00:00:00+08:00': 1 },
  },

  // 09-01 00:00+08 is 08-31 16:00Z, yet September's.
  'Shanghai, by month': {
    queue: 'sh-month',
    tz: SHANGHAI,
    groupBy: 'month',
    from: '2026-08-01T00:00:00+08:00',
    to: '2026-11-01T00:00:00+08:00',
    offeredAt: [
      '2026-08-31T23:59:59.999+08:00',
      '2026-09-01T00:00:00.000+08:00',
      '2026-10-31T23:59:59.999+08:00',
      '2026-11-01T00:00:00.000+08:00',
    ],
    buckets: ['2026-08-01T00:00:00+08:00', '2026-09-01T00:00:00+08:00', '2026-10-01T00:00:00+08:00'],
    counts: { '2026-08-01T00:00:00+08:00': 1, '2026-09-01T00:00:00+08:00': 1, '2026-10-01T00:00:00+08:00': 1 },
  },

  // Across local midnight: 23:44:59.999 → 23:30, 23:45 → 23:45, 00:00 → 00:00, 00:29:59.999 → 00:15, 00:30 is `to`.
  'Shanghai, by quarter-hour across midnight': {
    queue: 'sh-15m',
    tz: SHANGHAI,
    groupBy: 'interval15m',
    from: '2026-11-21T23:30:00+08:00',
    to: '2026-11-22T00:30:00+08:00',
    offeredAt: [
      '2026-11-21T23:44:59.999+08:00',
      '2026-11-21T23:45:00.000+08:00',
      '2026-11-22T00:00:00.000+08:00',
      '2026-11-22T00:29:59.999+08:00',
      '2026-11-22T00:30:00.000+08:00',
    ],
    buckets: ['2026-11-21T23:30:00+08:00', '2026-11-21T23:45:00+08:00', '2026-11-22T00:00:00+08:00', '2026-11-22T00:15:00+08:00'],
    counts: {
      '2026-11-21T23:30:00+08:00': 1,
      '2026-11-21T23:45:00+08:00': 1,
      '2026-11-22T00:00:00+08:00': 1,
      '2026-11-22T00:15:00+08:00': 1,
    },
  },
};

const events = Object.values(scenarios).flatMap(({ queue, offeredAt }) =>
  offeredAt.flatMap((ts, index) => {
    const callId = `${queue}-${index + 1}`;
    return [
      { eventId: `${callId}-offered`, type: 'call.offered', ts, callId, queue },
      { eventId: `${callId}-answered`, type: 'call.answered', ts: Date.parse(ts) + 30_000, callId, queue, agentId: 'a-tz' },
    ];
  }),
);

describe('GET /metrics time buckets in the requested timezone', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ now: () => NOW, timezone: SHANGHAI });
    expect(await api.postEvents(events)).toEqual({ accepted: events.length, rejected: [] });
  });
  afterAll(async () => {
    await api?.close();
  });

  it.each(Object.entries(scenarios))('%s', async (_title, scenario) => {
    const { status, body } = await api.get<{ timezone: string; totals: { offered: number }; groups: Group[] }>('/metrics', {
      from: scenario.from,
      to: scenario.to,
      tz: scenario.tz,
      groupBy: scenario.groupBy,
      queue: scenario.queue,
    });
    expect(status).toBe(200);
    expect(body.timezone).toBe(scenario.tz);
    expect(body.groups.map((group) => group.key.bucket)).toEqual(scenario.buckets);

    const nonEmpty = body.groups.filter((group) => group.offered > 0);
    expect(Object.fromEntries(nonEmpty.map((group) => [group.key.bucket, group.offered]))).toEqual(scenario.counts);
    // Answered 30 s after the offer, sometimes in the next bucket, but counted with its leg's offer.
    expect(Object.fromEntries(nonEmpty.map((group) => [group.key.bucket, group.answered]))).toEqual(scenario.counts);
    for (const group of body.groups.filter((candidate) => candidate.offered === 0)) {
      expect({
        bucket: group.key.bucket,
        answered: group.answered,
        asaSeconds: group.asaSeconds,
        serviceLevel: group.serviceLevel,
      }).toEqual({
        bucket: group.key.bucket,
        answered: 0,
        asaSeconds: null,
        serviceLevel: null,
      });
    }
    expect(body.totals.offered).toBe(Object.values(scenario.counts).reduce((sum, count) => sum + count, 0));
  });
});
