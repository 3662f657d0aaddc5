import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { createChdbConnection, type ChdbConnection } from 'chdb/connection';
import { quoteIdentifier } from '@callboard/infra';
import { WORKER_DATA_DIR } from '../helpers/clickhouse';

/** URL parameters of ClickHouse's HTTP interface that are not settings. */
const NOT_SETTINGS = new Set([
  'query',
  'database',
  'query_id',
  'session_id',
  'session_timeout',
  'session_check',
  'role',
  'user',
  'password',
]);

/** A statement as the shim is about to run it (or has just run it), with its bound parameters, for a test to act on. */
export type StatementHook = (sql: string, params: Record<string, unknown>) => Promise<void> | void;

/**
 * The part of ClickHouse's HTTP interface that @clickhouse/client speaks (POST with the SQL or
 * `?query=` plus data, `param_*` bindings, settings as URL parameters, `/ping`, errors as
 * `Code: N. DB::Exception: …` with `X-ClickHouse-Exception-Code`), served from this worker's
 * chdb engine. It lets the production path (a ClickHouse server over HTTP) run against a real
 * ClickHouse here, and be taken away: `stop()` closes the port so clients get ECONNREFUSED,
 * `start()` listens again on the same port.
 */
export class ClickHouseHttpShim {
  /** Runs before a statement; throwing refuses it (nothing is executed). */
  beforeStatement: StatementHook | undefined;
  /** Runs after a statement executed, before its answer is sent. */
  afterStatement: StatementHook | undefined;
  private server: Server | undefined;
  private port = 0;
  private readonly sessions = new Map<string, Promise<ChdbConnection>>();
  private readonly inFlight = new Set<Promise<void>>();

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const handled = this.handle(request, response).finally(() => this.inFlight.delete(handled));
      this.inFlight.add(handled);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the port and cuts open connections, as a server that went away; statements already running finish. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    await Promise.allSettled([...this.inFlight]);
    for (const session of this.sessions.values()) await (await session.catch(() => undefined))?.close();
    this.sessions.clear();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://shim');
    if (url.pathname === '/ping' || (url.pathname === '/' && request.method === 'GET' && !url.searchParams.has('query'))) {
      response.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' }).end('Ok.\n');
      return;
    }
    try {
      const body = await readBody(request);
      if (String(request.headers['content-type'] ?? '').startsWith('multipart/')) {
        throw new ShimError('multipart query parameters are not implemented by the test shim');
      }
      const urlQuery = url.searchParams.get('query');
      const sql = urlQuery ?? body;
      const statement = {
        query: sql,
        values: urlQuery === null ? undefined : Readable.from([body]),
        query_params: queryParams(url.searchParams, sql),
        clickhouse_settings: settings(url.searchParams),
        query_id: url.searchParams.get('query_id') ?? undefined,
      };
      await this.beforeStatement?.(sql, statement.query_params ?? {});
      const session = await this.session(url.searchParams.get('database') ?? 'default');
      const result = await session.exec(statement);
      const output = await readAll(result.stream);
      await this.afterStatement?.(sql, statement.query_params ?? {});
      response
        .writeHead(200, {
          'content-type': 'text/plain; charset=UTF-8',
          'x-clickhouse-query-id': result.query_id,
          'x-clickhouse-summary': JSON.stringify(result.summary ?? {}),
        })
        .end(output);
    } catch (error) {
      const { code, text } = clickHouseErrorText(error);
      if (!response.destroyed) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=UTF-8', 'x-clickhouse-exception-code': code }).end(text);
      }
    }
  }

  /** One chdb session per database: chdb ignores the client's database, and USE is per session. */
  private session(database: string): Promise<ChdbConnection> {
    let session = this.sessions.get(database);
    if (!session) {
      session = (async () => {
        const connection = createChdbConnection({ path: WORKER_DATA_DIR });
        try {
          await connection.command({ query: `USE ${quoteIdentifier(database)}` });
          return connection;
        } catch (error) {
          await connection.close();
          throw error;
        }
      })();
      this.sessions.set(database, session);
      session.catch(() => this.sessions.delete(database));
    }
    return session;
  }
}

class ShimError extends Error {}

/**
 * `param_<name>` values arrive in ClickHouse's escaped text form, and chdb's binder escapes
 * strings itself: scalars are unescaped first so that the engine reads what the server would.
 * A composite value (array, tuple, map) is already in its literal form and cannot carry
 * escapes through that binder, so one that has any is refused rather than mis-read.
 */
function queryParams(search: URLSearchParams, sql: string): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = {};
  for (const [key, text] of search) {
    if (!key.startsWith('param_')) continue;
    const name = key.slice('param_'.length);
    if (text === '\\N') params[name] = null;
    else if (!text.includes('\\')) params[name] = text;
    else if (/^\s*(Array|Tuple|Map|Nested)\s*\(/.test(placeholderType(sql, name) ?? '')) {
      throw new ShimError(`param_${name}: escapes inside a composite value are not implemented by the test shim`);
    } else params[name] = unescapeText(text);
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

function placeholderType(sql: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\{\\s*${escaped}\\s*:\\s*([^}]+)\\}`).exec(sql)?.[1];
}

const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function unescapeText(text: string): string {
  return text.replace(/\\([\s\S])/g, (_match, char: string) => ESCAPES[char] ?? char);
}

function settings(search: URLSearchParams): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, value] of search) {
    if (!key.startsWith('param_') && !NOT_SETTINGS.has(key)) found[key] = value;
  }
  return found;
}

function clickHouseErrorText(error: unknown): { code: string; text: string } {
  const raw = (error as { cause?: { message?: unknown } }).cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  for (const candidate of [raw, message]) {
    const match = typeof candidate === 'string' ? /Code: (\d+)\. DB::Exception/.exec(candidate) : null;
    if (match) return { code: match[1]!, text: `${candidate as string}\n` };
  }
  const code = String((error as { code?: unknown }).code ?? '');
  const type = String((error as { type?: unknown }).type ?? '');
  if (/^\d+$/.test(code)) return { code, text: `Code: ${code}. DB::Exception: ${message}. (${type || 'UNKNOWN'})\n` };
  return { code: '1001', text: `Code: 1001. DB::Exception: ${message}. (STD_EXCEPTION)\n` };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const raw = await readAll(request);
  return (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * @clickhouse/client logs every request the shim refuses or cuts (hundreds in an outage): those
 * are expected, and hidden; anything else still reaches the console. Undone by jest.restoreAllMocks().
 */
export function hideClickHouseClientErrors(): void {
  const log = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('[@clickhouse/client]')) log(...args);
  });
}
