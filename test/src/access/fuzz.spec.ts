import fc from 'fast-check';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import {
  CATALOGUE,
  catalogueGaps,
  operationKey,
  openApiOperations,
  sampleEvents,
  send,
  type CatalogueSamples,
  type OpenApiOperation,
} from './endpoint-catalogue';
import { createApiToken, createUser, signedInUser } from './fixtures';
import { describeRequest, requestArbitrary, validRequest, type FuzzRequest } from './request-arbitraries';

// Bounded: every endpoint gets this many random requests per caller (the whole file takes about a minute here).
const RUNS = { admin: 60, supervisor: 40 };

const ndjson = (body: string): FuzzRequest => ({
  method: 'POST',
  path: '/events',
  body,
  contentType: 'application/x-ndjson',
});
const offered = (now: number, more: Record<string, unknown>) =>
  JSON.stringify({
    eventId: `once-${now}`,
    type: 'call.offered',
    ts: new Date(now - 1000).toISOString(),
    callId: 'once',
    queue: 'billing',
    ...more,
  });
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Requests that got a 500 or stalled event intake for good (a batch ClickHouse refused on every retry), and neighbours of them. */
const ONCE_BROKEN: Record<string, (now: number) => FuzzRequest> = {
  'a queue name with a lone surrogate': (now) => ndjson(offered(now, { queue: 'billing\ud800' })),
  'a non-JSON line whose parse error quotes half a surrogate pair': () => ndjson('\u{11099}'),
  'an unknown field nested 5,000 deep': (now) => ndjson(offered(now, {}).replace(/}$/, `,"extra":${deep(5000)}}`)),
  'an invalid event whose customerId is nested 5,000 deep': () => ndjson(`{"type":"call.offered","customerId":${deep(5000)}}`),
  'a JSON array holding an event nested 5,000 deep': () => ({
    method: 'POST',
    path: '/events',
    body: `[${deep(5000)}]`,
    contentType: 'application/json',
  }),
  'a score on an event that has none': (now) => ndjson(offered(now, { score: 300 })),
  'a ts of 1e300 epoch milliseconds': (now) => ndjson(offered(now, {}).replace(/"ts":"[^"]+"/, '"ts":1e300')),
  'a period in the year 9999, past ClickHouse DateTime64': () => ({
    method: 'GET',
    path: '/metrics',
    query: [
      ['from', '9999-09-14T10:39:15+00:00'],
      ['to', '9999-12-23T00:00:00Z'],
      ['groupBy', 'queue'],
    ],
  }),
  "a queue named 'toString' in /live": () => ({ method: 'GET', path: '/live', query: [['queue', 'toString']] }),
  "a queue named 'constructor' in /metrics": (now) => ({
    method: 'GET',
    path: '/metrics',
    query: [
      ['from', new Date(now - 3_600_000).toISOString()],
      ['to', new Date(now).toISOString()],
      ['queue', 'constructor'],
      ['groupBy', 'queue'],
    ],
  }),
  "settings for a queue named '__proto__'": () => ({
    method: 'PUT',
    path: '/settings',
    body: '{"queues":{"__proto__":{"serviceLevelSeconds":30},"constructor":{"serviceLevelSeconds":40}}}',
    contentType: 'application/json',
  }),
};

describe('fuzzing every endpoint: any parameters and bodies get an answer below 500, and none hangs', () => {
  let api: TestApi;
  let operations: OpenApiOperation[];
  let samples: CatalogueSamples;
  const tokens: Record<keyof typeof RUNS, string> = { admin: '', supervisor: '' };

  beforeAll(async () => {
    const now = Date.now();
    api = await startTestApi();
    await api.postEvents(sampleEvents(now));
    const spareUser = await createUser(api, { username: 'spare-user', role: 'qa' });
    const spareToken = await createApiToken(api, { name: 'spare-tv', role: 'wallboard' });
    samples = {
      from: new Date(now - 86_400_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
      callId: 'b1',
      spareUserId: spareUser.id,
      spareTokenId: spareToken.id,
    };
    tokens.admin = api.token;
    tokens.supervisor = (await signedInUser(api, { username: 'fuzz-supervisor', role: 'supervisor', queues: ['billing'] })).accessToken;
    operations = await openApiOperations(api);
  });
  afterAll(() => api?.close());

  it('covers every operation of the OpenAPI document', () => {
    expect(catalogueGaps(operations)).toEqual({ missing: [], stale: [] });
  });

  // Found by this fuzzing once; kept so that they are tried on every run, not only by chance.
  it.each(Object.entries(ONCE_BROKEN))('survives %s, and event intake still answers after it', async (_name, make) => {
    const answer = await send(api, { ...make(Date.now()), token: api.token });
    expect(answer.status).toBeLessThan(500);
    const event = {
      eventId: `after-${answer.status}-${Math.random()}`,
      type: 'call.offered',
      ts: new Date().toISOString(),
      callId: 'after',
      queue: 'billing',
    };
    expect(
      await send(api, {
        method: 'POST',
        path: '/events',
        body: JSON.stringify([event]),
        contentType: 'application/json',
        token: api.token,
      }),
    ).toMatchObject({
      status: 202,
      body: { accepted: 1 },
    });
  });

  describe.each(Object.keys(RUNS) as Array<keyof typeof RUNS>)('as the %s', (caller) => {
    it.each(CATALOGUE.map((entry) => [operationKey(entry), entry] as const))('%s', async (_key, entry) => {
      const operation = operations.find((candidate) => operationKey(candidate) === operationKey(entry));
      if (!operation) throw new Error(`${operationKey(entry)} is not in the OpenAPI document`);
      const valid = validRequest(entry, samples);
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(entry, operation, samples), async (request) => {
          const answer = await send(api, { ...request, token: tokens[caller] });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500)
            throw new Error(`answered ${answer.status} ${answer.text.slice(0, 400)} to ${describeRequest(request)}`);
        }),
        // The catalogue's valid request first: the fuzzing departs from a request that passes.
        { numRuns: RUNS[caller], examples: [[valid]] },
      );
      // Some requests got past validation, so the fuzzing reached the handlers (not only the 400s).
      expect([...statuses.keys()].filter((status) => status !== 400)).not.toEqual([]);
      // The api is still whole afterwards.
      expect((await send(api, { ...valid, token: tokens[caller] })).status).toBeLessThan(500);
    });
  });
});
