/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, createApiApp, loadApiConfig } from '@callboard/api';
import { WORKER_DATA_DIR } from './clickhouse';

type QueryValue = string | number | boolean | string[] | undefined;

import { TEST_BOOTSTRAP_TOKEN } from './test-token';

export { TEST_BOOTSTRAP_TOKEN };

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The bearer token; default the bootstrap token; null: none. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface TestApi {
  /** http://127.0.0.1:<port> (Socket.IO: `${origin}/live`) */
  origin: string;
  /** http://127.0.0.1:<port>/api/v1 */
  baseUrl: string;
  database: string;
  /** The bootstrap token (admin of every tenant) that get/put/postEvents send. */
  token: string;
  /** Any request, with any token (or none). */
  request<T = Record<string, any>>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  get<T = Record<string, any>>(path: string, query?: Record<string, QueryValue>): Promise<{ status: number; body: T }>;
  put<T = Record<string, any>>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  /** POST /events; resolves once the events are stored (the embedded intake answers only then). */
  postEvents(events: unknown[]): Promise<{ accepted: number; rejected: Array<{ index: number; reason: string }> }>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  now?: () => number;
  timezone?: string;
  /** Reuse a database (e.g. a restart); by default a fresh one. */
  database?: string;
  /** Leave the database in place on close (for a restart to find it). */
  keepDatabase?: boolean;
  /** More environment, e.g. KAFKA_BROKERS for the Kafka path. */
  env?: Record<string, string>;
  /** Fault injection into the api's in-process ingest, e.g. ClickHouse writes failing for a while. */
  testHooks?: NonNullable<Parameters<typeof createApiApp>[1]>['testHooks'];
}

/** The real api on the embedded default (chdb in a fresh database, in-process ingest), listening on a free port. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const database = options.database ?? `api_${randomBytes(6).toString('hex')}`;
  const config = loadApiConfig({
    CLICKHOUSE_PATH: WORKER_DATA_DIR,
    CLICKHOUSE_DATABASE: database,
    CALLBOARD_TIMEZONE: options.timezone,
    INGEST_BATCH_AGE_MS: '20',
    LOG_LEVEL: 'silent',
    CALLBOARD_BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN,
    // Tests fire requests far faster than people: only the rate-limit tests set real limits.
    CALLBOARD_RATE_LIMIT_PER_MINUTE: '1000000',
    CALLBOARD_SIGN_IN_ATTEMPTS_PER_MINUTE: '1000000',
    // Tests read right after they write; sharing answers for a few seconds has its own spec (api/shared-answers).
    CALLBOARD_QUERY_CACHE_MS: '0',
    ...options.env,
  });
  const api = await createApiApp(config, { clock: options.now, testHooks: options.testHooks });
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const baseUrl = `${origin}/${API_PREFIX}`;

  const token = config.auth.bootstrapToken ?? TEST_BOOTSTRAP_TOKEN;
  const request = async <T>(method: string, path: string, options: RequestOptions = {}) => {
    const url = new URL(`${baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    const bearer = options.token === undefined ? token : options.token;
    const response = await fetch(url, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text for the assertion to show
    }
    return { status: response.status, body: body as T, headers: response.headers };
  };

  return {
    origin,
    baseUrl,
    database,
    token,
    request,
    get: (path, query) => request('GET', path, { query }),
    put: (path, body) => request('PUT', path, { body }),
    postEvents: async (events) => {
      const response = await request<{ accepted: number; rejected: Array<{ index: number; reason: string }> }>('POST', '/events', {
        body: events,
      });
      if (response.status !== 202) throw new Error(`POST /events answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    close: async () => {
      if (!options.keepDatabase) {
        await api.runtime.clickHouse.command({ query: 'DROP DATABASE IF EXISTS {database:Identifier} SYNC', query_params: { database } });
      }
      await api.close();
    },
  };
}
