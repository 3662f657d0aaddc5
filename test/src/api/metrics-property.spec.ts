import { startTestApi, type TestApi } from '../helpers/api-harness';
import { duplicateAndShuffle, generateCalls } from '../reference/generate-calls';
import { DEFAULT_SETTINGS, referenceMetrics, type GroupBy, type Metrics, type QueueSettings } from '../reference/reference-metrics';

// Calls from 22 Oct to 12 Nov 2026, across New York's return to standard time (1 Nov); now is two days after the last.
const NOW = Date.parse('2026-11-14T00:00:00Z');
const API_TIMEZONE = 'Asia/Shanghai';
const VIP_SETTINGS: QueueSettings = { serviceLevelSeconds: 30, shortAbandonSeconds: 10, fcrWindowHours: 72, fcrSameCategoryOnly: true };
const settingsFor = (queue: string): QueueSettings => (queue === 'vip' ? VIP_SETTINGS : DEFAULT_SETTINGS);
const POST_BATCH = 2000;

const events = generateCalls({
  seed: 20261101,
  calls: 3000,
  start: '2026-10-22T00:00:00Z',
  days: 21,
  queues: ['billing', 'support', 'sales', 'vip'],
  agents: ['a-01', 'a-02', 'a-03', 'a-04', 'a-05', 'a-06', 'a-07', 'a-08', 'a-09', 'a-10'],
  teams: ['north', 'south', 'east'],
  edgeWaitSeconds: [5, 10, 20, 30],
});

interface Query {
  name: string;
  from: string;
  to: string;
  /** Absent: the API's configured timezone. */
  tz?: string;
  groupBy?: GroupBy;
}

const QUERIES: Query[] = [
  { name: 'totals over all three weeks', from: '2026-10-21T00:00:00Z', to: '2026-11-14T00:00:00Z' },
  {
    name: 'days across the DST change, New York',
    from: '2026-10-25T00:00:00-04:00',
    to: '2026-11-08T00:00:00-05:00',
    tz: 'America/New_York',
    groupBy: 'day',
  },
  {
    name: 'hours of the 25-hour day, New York',
    from: '2026-10-31T00:00:00-04:00',
    to: '2026-11-02T00:00:00-05:00',
    tz: 'America/New_York',
    groupBy: 'hour',
  },
  {
    name: 'quarter hours around the repeated hour, New York',
    from: '2026-11-01T00:00:00-04:00',
    to: '2026-11-01T04:00:00-05:00',
    tz: 'America/New_York',
    groupBy: 'interval15m',
  },
  {
    name: 'weeks from an unaligned start, New York',
    from: '2026-10-22T12:34:56.789-04:00',
    to: '2026-11-16T00:00:00-05:00',
    tz: 'America/New_York',
    groupBy: 'week',
  },
  { name: 'teams, New York', from: '2026-10-26T00:00:00-04:00', to: '2026-11-09T00:00:00-05:00', tz: 'America/New_York', groupBy: 'team' },
  { name: 'queues, Shanghai', from: '2026-10-26T00:00:00+08:00', to: '2026-11-09T00:00:00+08:00', tz: 'Asia/Shanghai', groupBy: 'queue' },
  { name: 'agents, Shanghai', from: '2026-10-22T00:00:00+08:00', to: '2026-11-13T00:00:00+08:00', tz: 'Asia/Shanghai', groupBy: 'agent' },
  {
    name: 'categories, Shanghai',
    from: '2026-11-02T00:00:00+08:00',
    to: '2026-11-09T00:00:00+08:00',
    tz: 'Asia/Shanghai',
    groupBy: 'category',
  },
  {
    name: 'days, Shanghai, unaligned ends',
    from: '2026-10-30T09:15:00+08:00',
    to: '2026-11-06T17:45:00+08:00',
    tz: 'Asia/Shanghai',
    groupBy: 'day',
  },
  { name: 'hours, the configured timezone', from: '2026-11-05T00:00:00+08:00', to: '2026-11-07T00:00:00+08:00', groupBy: 'hour' },
  { name: 'months, Shanghai', from: '2026-10-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00', tz: 'Asia/Shanghai', groupBy: 'month' },
];

const COUNT_FIELDS = [
  'offered',
  'answered',
  'abandoned',
  'flowedOut',
  'waiting',
  'shortAbandoned',
  'answeredWithinServiceLevel',
  'handled',
  'transferred',
  'wrapups',
  'escalated',
  'contacts',
  'fcrDecided',
  'fcrResolved',
  'fcrPending',
  'fcrUnmatched',
  'surveys',
  'topTwoBoxSurveys',
  'surveysAnsweringResolved',
  'surveysResolved',
] as const satisfies ReadonlyArray<keyof Metrics>;

const FLOAT_FIELDS = [
  'abandonmentRate',
  'serviceLevel',
  'asaSeconds',
  'avgAbandonWaitSeconds',
  'ahtSeconds',
  'avgTalkSeconds',
  'avgHoldSeconds',
  'avgAcwSeconds',
  'transferRate',
  'escalationRate',
  'fcrRate',
  'csatMean',
  'csatRate',
  'fcrSurveyRate',
  'occupiedSeconds',
  'staffedSeconds',
  'occupancy',
] as const satisfies ReadonlyArray<keyof Metrics>;

interface MetricsAnswer {
  totals: Record<string, unknown>;
  groups: Array<{ key: Record<string, string | null> } & Record<string, unknown>>;
}

async function startLoadedApi(batches: unknown[][]): Promise<TestApi> {
  const api = await startTestApi({ now: () => NOW, timezone: API_TIMEZONE });
  const settings = await api.put('/settings', { queues: { vip: VIP_SETTINGS } });
  expect(settings.status).toBeLessThan(300);
  for (const batch of batches) {
    const { rejected } = await api.postEvents(batch);
    expect(rejected).toEqual([]);
  }
  return api;
}

function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

async function ask(api: TestApi, query: Query): Promise<MetricsAnswer> {
  const response = await api.get<MetricsAnswer>('/metrics', { from: query.from, to: query.to, tz: query.tz, groupBy: query.groupBy });
  expect(response.status).toBe(200);
  return response.body;
}

/** Every field that differs, as "where.field: api X, reference Y"; counts exactly, floats within 1e-6 relative. */
function differences(actual: Record<string, unknown>, expected: Metrics, where: string): string[] {
  const found: string[] = [];
  for (const field of COUNT_FIELDS) {
    if (actual[field] !== expected[field]) found.push(`${where}.${field}: api ${String(actual[field])}, reference ${expected[field]}`);
  }
  for (const field of FLOAT_FIELDS) {
    if (!closeEnough(actual[field], expected[field]))
      found.push(`${where}.${field}: api ${String(actual[field])}, reference ${expected[field]}`);
  }
  return found;
}

function closeEnough(actual: unknown, expected: number | null): boolean {
  if (expected === null || typeof actual !== 'number') return actual === expected;
  return Math.abs(actual - expected) <= 1e-6 * Math.max(Math.abs(actual), Math.abs(expected));
}

function keyText(key: Record<string, string | null>): string {
  return JSON.stringify(Object.entries(key).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('GET /metrics against the reference implementation', () => {
  const answers = new Map<string, MetricsAnswer>();
  let api: TestApi | undefined;

  beforeAll(async () => {
    api = await startLoadedApi(inBatches(events, POST_BATCH));
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(QUERIES)('$name', async (query) => {
    const answer = await ask(api!, query);
    answers.set(query.name, answer);
    const expected = referenceMetrics(events, {
      from: query.from,
      to: query.to,
      timezone: query.tz ?? API_TIMEZONE,
      groupBy: query.groupBy,
      now: NOW,
      settingsFor,
    });
    const found = differences(answer.totals, expected.totals, 'totals');
    const expectedGroups = new Map(expected.groups.map((group) => [keyText(group.key), group.metrics]));
    expect(answer.groups.map((group) => keyText(group.key)).sort()).toEqual([...expectedGroups.keys()].sort());
    for (const group of answer.groups) {
      const metrics = expectedGroups.get(keyText(group.key));
      if (metrics) found.push(...differences(group, metrics, keyText(group.key)));
    }
    expect(found).toEqual([]);
  });

  it('answers identically from every event duplicated, shuffled and posted in batches', async () => {
    expect(answers.size).toBe(QUERIES.length);
    await api?.close();
    api = undefined;
    const shuffled = duplicateAndShuffle(events, 7);
    const second = await startLoadedApi(inBatches(shuffled, Math.ceil(shuffled.length / 4)));
    try {
      for (const query of QUERIES)
        expect({ query: query.name, answer: await ask(second, query) }).toEqual({ query: query.name, answer: answers.get(query.name) });
    } finally {
      await second.close();
    }
  });
});
