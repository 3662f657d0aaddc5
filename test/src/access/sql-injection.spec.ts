/* eslint-disable @typescript-eslint/no-explicit-any -- answers are compared loosely */
import { openClickHouse, type ClickHouseClient } from '@callboard/infra';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { WORKER_DATA_DIR } from '../helpers/clickhouse';
import {
  CATALOGUE,
  fillPath,
  operationKey,
  openApiOperations,
  pairsOf,
  sampleEvents,
  send,
  type CatalogueEntry,
  type CatalogueSamples,
  type OpenApiOperation,
  type RawAnswer,
  type RawRequest,
} from './endpoint-catalogue';
import { createApiToken, createUser, PASSWORD } from './fixtures';

/** What a value pasted into SQL (or into a `{name:Type}` placeholder) would turn into something else. */
const INJECTIONS = [
  "' OR 1=1 --",
  "billing' OR '1'='1",
  "') OR ('1'='1",
  '"); DROP TABLE events; --',
  "'; DROP TABLE events; --",
  "'; TRUNCATE TABLE users; --",
  "billing'; DROP DATABASE IF EXISTS default; --",
  "\\'",
  '\\',
  "\\\\' OR 1=1 --",
  '{tenant:String}',
  '{queue:Array(String)}',
  '{database:Identifier}',
  "' UNION SELECT password_hash FROM users --",
  "billing' UNION ALL SELECT name FROM system.tables --",
  "'||(SELECT count() FROM users)||'",
  "billing\u0000' OR 1=1 --",
  '\u0000',
  "'\n OR 1=1 --",
  '*/ OR 1=1 /*',
  '`events`',
  "billing' SETTINGS max_execution_time = 1 --",
  "billing' FORMAT JSONEachRow --",
  "' AND sleep(3) = 0 --",
  '%27%20OR%201%3D1--',
];

// Writes under an injected tenant would be legitimate (a tenant is any name): only reads and the
// by-id admin operations are probed, so that every table must stay exactly as it was.
const PROBED = new Set(['GET', 'DELETE', 'PATCH']);
const NOW = Date.now();

// Hundreds of queries per operation on a shared 2-core machine: room to spare, no speed asserted.
const PROBE_TIMEOUT_MS = 400_000;

/** The value that matches nothing, whose answer an injected value's answer must equal. */
const nothing = (parameter: string) => `no-such-${parameter}`;
const cursorOf = (callId: string) => Buffer.from(JSON.stringify([0, callId])).toString('base64url');

interface Probe {
  request: Omit<RawRequest, 'token'>;
  parameter: string;
}

/** The valid request with `parameter` (in the path or the query) set to `value`. */
function probe(entry: CatalogueEntry, operation: OpenApiOperation, samples: CatalogueSamples, parameter: string, value: string): Probe {
  const valid = entry.valid(samples);
  const inPath = operation.parameters.some((candidate) => candidate.in === 'path' && candidate.name === parameter);
  const query = pairsOf(valid.query).filter(([name]) => name !== parameter);
  return {
    parameter,
    request: {
      method: entry.method,
      path: fillPath(entry.path, { ...valid.path, ...(inPath ? { [parameter]: value } : {}) }),
      query: inPath ? query : [...query, [parameter, value]],
      body: valid.body === undefined ? undefined : JSON.stringify(valid.body),
      contentType: valid.body === undefined ? undefined : 'application/json',
    },
  };
}

/** The answer's text with the injected value written as the no-match value, for comparison. */
const asIfNothing = (answer: RawAnswer, injected: string, instead: string) =>
  answer.text.split(JSON.stringify(injected).slice(1, -1)).join(instead);

const parametersNamed = (answer: RawAnswer): string[] => (answer.body?.parameters ?? []).map((problem: any) => problem.name);

interface DatabaseState {
  databases: string[];
  schema: unknown[];
  tables: Record<string, { rows: string; checksum: string }>;
}

/** Every database's name, this database's schema, and each table's row count and content checksum. */
async function stateOf(client: ClickHouseClient, database: string): Promise<DatabaseState> {
  const rows = async <T>(query: string, params: Record<string, unknown> = {}) =>
    (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json<T>();
  const databases = (await rows<{ name: string }>('SELECT name FROM system.databases ORDER BY name')).map((row) => row.name);
  const schema = await rows(
    `SELECT t.name, t.engine, t.create_table_query, groupArray((c.name, c.type)) AS columns
     FROM system.tables AS t LEFT JOIN system.columns AS c ON c.database = t.database AND c.table = t.name
     WHERE t.database = {database:String} GROUP BY t.name, t.engine, t.create_table_query ORDER BY t.name`,
    { database },
  );
  const tables: DatabaseState['tables'] = {};
  for (const { name } of schema as Array<{ name: string }>) {
    const [row] = await rows<{ rows: string; checksum: string }>(
      'SELECT toString(count()) AS rows, toString(sum(cityHash64(*))) AS checksum FROM {database:Identifier}.{table:Identifier}',
      { database, table: name },
    );
    tables[name] = row!;
  }
  return { databases: databases.filter((name) => !name.startsWith('api_') || name === database), schema, tables };
}

describe('SQL injection strings in every filter change nothing', () => {
  let api: TestApi;
  let client: ClickHouseClient;
  let operations: OpenApiOperation[];
  let samples: CatalogueSamples;
  let before: DatabaseState;

  beforeAll(async () => {
    api = await startTestApi({ now: () => NOW });
    await api.postEvents(sampleEvents(NOW));
    await createUser(api, { username: 'billing-lead', role: 'supervisor', queues: ['billing'] });
    samples = {
      from: new Date(NOW - 86_400_000).toISOString(),
      to: new Date(NOW + 60_000).toISOString(),
      callId: 'b1',
      spareUserId: (await createUser(api, { username: 'spare-user', role: 'qa' })).id,
      spareTokenId: (await createApiToken(api, { name: 'spare-tv', role: 'wallboard' })).id,
    };
    operations = await openApiOperations(api);
    client = await openClickHouse({ kind: 'embedded', path: WORKER_DATA_DIR, database: api.database });
    before = await stateOf(client, api.database);
  });
  afterAll(async () => {
    await client?.close();
    await api?.close();
  });

  it('compares against answers that really match nothing', async () => {
    const period = { from: samples.from, to: samples.to };
    const all = await api.get('/metrics', period);
    const none = await api.get('/metrics', { ...period, queue: nothing('queue') });
    // The sample: b1 offered in billing, s1 in sales.
    expect([all.body.totals.offered, none.body.totals.offered]).toEqual([2, 0]);
  });

  const probed = CATALOGUE.filter((entry) => PROBED.has(entry.method));
  it.each(probed.map((entry) => [operationKey(entry), entry] as const))(
    '%s: each parameter answers a 400 naming it, or exactly what a value matching nothing gets',
    async (_key, entry) => {
      const operation = operations.find((candidate) => operationKey(candidate) === operationKey(entry))!;
      const parameters = operation.parameters.filter((parameter) => parameter.in === 'query' || parameter.in === 'path');
      const problems: string[] = [];
      for (const { name } of parameters) {
        const expected = await send(api, { ...probe(entry, operation, samples, name, nothing(name)).request, token: api.token });
        for (const injection of INJECTIONS) {
          const answer = await send(api, { ...probe(entry, operation, samples, name, injection).request, token: api.token });
          if (answer.status === 400 && parametersNamed(answer).includes(name)) continue;
          if (answer.status === expected.status && asIfNothing(answer, injection, nothing(name)) === expected.text) continue;
          problems.push(
            `${name}=${JSON.stringify(injection)}: ${answer.status} ${answer.text.slice(0, 200)} (no match: ${expected.status} ${expected.text.slice(0, 200)})`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
    PROBE_TIMEOUT_MS,
  );

  it('a cursor whose call id is an injection string pages like one matching nothing', async () => {
    const entry = CATALOGUE.find((candidate) => operationKey(candidate) === 'GET /calls')!;
    const operation = operations.find((candidate) => operationKey(candidate) === 'GET /calls')!;
    const expected = await send(api, {
      ...probe(entry, operation, samples, 'cursor', cursorOf(nothing('call'))).request,
      token: api.token,
    });
    expect(expected).toMatchObject({ status: 200, body: { calls: [], nextCursor: null } });
    for (const injection of INJECTIONS) {
      const answer = await send(api, { ...probe(entry, operation, samples, 'cursor', cursorOf(injection)).request, token: api.token });
      expect({ injection, status: answer.status, body: answer.body }).toEqual({ injection, status: 200, body: expected.body });
    }
  });

  it('sign-in, refresh and bearer tokens made of injection strings are refused like any wrong one', async () => {
    const signIn = (username: string, password: string) =>
      send(api, {
        method: 'POST',
        path: '/auth/login',
        body: JSON.stringify({ username, password }),
        contentType: 'application/json',
        token: null,
      });
    const unknownUser = await signIn(nothing('user'), PASSWORD);
    const refresh = (refreshToken: string) =>
      send(api, {
        method: 'POST',
        path: '/auth/refresh',
        body: JSON.stringify({ refreshToken }),
        contentType: 'application/json',
        token: null,
      });
    const unknownRefresh = await refresh(`cbr_${nothing('session')}.${'x'.repeat(43)}`);
    const wrongBearer = await send(api, { method: 'GET', path: '/auth/me', token: 'not-a-token-at-all' });
    expect([unknownUser.status, unknownRefresh.status, wrongBearer.status]).toEqual([401, 401, 401]);
    for (const injection of INJECTIONS) {
      expect(await signIn(injection, PASSWORD)).toMatchObject({ status: unknownUser.status, text: unknownUser.text });
      expect(await signIn(`billing-lead${injection}`, PASSWORD)).toMatchObject({ status: unknownUser.status, text: unknownUser.text });
      expect(await signIn('billing-lead', injection)).toMatchObject({ status: unknownUser.status, text: unknownUser.text });
      expect(await refresh(injection)).toMatchObject({ status: 401, text: unknownRefresh.text });
      expect(await refresh(`cbr_${injection}.${'x'.repeat(43)}`)).toMatchObject({ status: 401, text: unknownRefresh.text });
      // A header cannot carry NUL or a line break: those never reach the api as a token.
      if (injection.includes('\u0000') || injection.includes('\n')) continue;
      for (const token of [injection, `cbt_${injection}`, `cbt_${injection}.${'x'.repeat(43)}`]) {
        expect(await send(api, { method: 'GET', path: '/auth/me', token })).toMatchObject({ status: 401, text: wrongBearer.text });
      }
    }
  });

  it('leaves every table, its rows and the schema as they were (the failed sign-ins only audited)', async () => {
    const after = await stateOf(client, api.database);
    expect(after.databases).toEqual(before.databases);
    expect(after.schema).toEqual(before.schema);
    const { audit_log: auditBefore, ...otherBefore } = before.tables;
    const { audit_log: auditAfter, ...otherAfter } = after.tables;
    expect(otherAfter).toEqual(otherBefore);
    // One refused sign-in of an unknown name, three per injection string: an audit row each, nothing else.
    const [audited] = await (
      await client.query({ query: "SELECT count() AS n FROM audit_log WHERE action = 'login.failed'", format: 'JSONEachRow' })
    ).json<{ n: string }>();
    expect(Number(auditAfter!.rows) - Number(auditBefore!.rows)).toBe(3 * INJECTIONS.length + 1);
    expect(Number(audited!.n)).toBe(3 * INJECTIONS.length + 1);
  });
});
