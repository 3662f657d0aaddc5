/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, createApiApp, loadApiConfig } from '@callboard/api';
import { WORKER_DATA_DIR } from './clickhouse';

type QueryValue = string | number | boolean | string[] | undefined;

export interface TestApi {
  /** http://127.0.0.1:<port> (Socket.IO: `${origin}/live`) */
  origin: string;
  /** http://127.0.0.1:<port>/api/v1 */
  baseUrl: string;
  database: string;
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
    ...options.env,
  });
  const api = await createApiApp(config, { clock: options.now });
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const baseUrl = `${origin}/${API_PREFIX}`;

  const request = async <T>(method: string, path: string, body?: unknown, query: Record<string, QueryValue> = {}) => {
    const url = new URL(`${baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  return {
    origin,
    baseUrl,
    database,
    get: (path, query) => request('GET', path, undefined, query),
    put: (path, body) => request('PUT', path, body),
    postEvents: async (events) => {
      const response = await request<{ accepted: number; rejected: Array<{ index: number; reason: string }> }>('POST', '/events', events);
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
