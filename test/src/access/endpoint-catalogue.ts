/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and answers are read loosely */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApi } from '../helpers/api-harness';
import { REPO_ROOT } from '../helpers/processes';

const CONNECT_FIXTURES = join(REPO_ROOT, 'ingest/src/adapters/connect/fixtures');

/**
 * Every operation of the api with a request that passes its validation: where the fuzzing and
 * the injection tests start from. Parameter names come from the OpenAPI document, not from here,
 * so a new parameter is covered without a change; a new operation without a row fails
 * `missingFromCatalogue`.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ValidRequest {
  path?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

export interface CatalogueEntry {
  method: HttpMethod;
  /** As the OpenAPI document names it, under /api/v1: `/calls/{callId}`. */
  path: string;
  valid: (samples: CatalogueSamples) => ValidRequest;
}

/** What the valid requests refer to: made by the test before it uses the catalogue. */
export interface CatalogueSamples {
  from: string;
  to: string;
  callId: string;
  /** A user a test may change (PATCH /users/{id}): never one it signs in as. */
  spareUserId: string;
  /** A token a test may revoke (DELETE /tokens/{id}). */
  spareTokenId: string;
}

const period = (samples: CatalogueSamples) => ({ from: samples.from, to: samples.to });
const contactRecord = (): unknown => JSON.parse(readFileSync(join(CONNECT_FIXTURES, 'abandoned.json'), 'utf8'));
const NO_SUCH_REFRESH_TOKEN = { refreshToken: 'not-a-refresh-token' };

export const CATALOGUE: readonly CatalogueEntry[] = [
  { method: 'GET', path: '/health', valid: () => ({}) },
  { method: 'GET', path: '/ready', valid: () => ({}) },
  { method: 'GET', path: '/metrics', valid: (samples) => ({ query: { ...period(samples), groupBy: 'queue' } }) },
  { method: 'GET', path: '/metrics/compare', valid: (samples) => ({ query: { ...period(samples), against: 'previous' } }) },
  { method: 'GET', path: '/trends', valid: (samples) => ({ query: { ...period(samples), metric: 'offered', bucket: 'hour' } }) },
  { method: 'GET', path: '/calls', valid: (samples) => ({ query: { ...period(samples), limit: '10' } }) },
  { method: 'GET', path: '/calls/{callId}', valid: (samples) => ({ path: { callId: samples.callId } }) },
  { method: 'GET', path: '/settings', valid: () => ({}) },
  { method: 'PUT', path: '/settings', valid: () => ({ body: { queues: { billing: { serviceLevelSeconds: 30 } } } }) },
  {
    method: 'POST',
    path: '/events',
    valid: (samples) => ({
      body: [{ eventId: 'catalogue-1', type: 'call.offered', ts: samples.from, callId: 'catalogue-call', queue: 'billing' }],
    }),
  },
  { method: 'POST', path: '/sources/connect-ctr', valid: () => ({ body: [contactRecord()] }) },
  { method: 'GET', path: '/live', valid: () => ({ query: { queue: 'billing' } }) },
  { method: 'GET', path: '/alerts', valid: () => ({ query: { limit: '5' } }) },
  { method: 'POST', path: '/auth/login', valid: () => ({ body: { username: 'nobody-at-all', password: 'not-the-password' } }) },
  { method: 'POST', path: '/auth/refresh', valid: () => ({ body: NO_SUCH_REFRESH_TOKEN }) },
  { method: 'POST', path: '/auth/logout', valid: () => ({ body: NO_SUCH_REFRESH_TOKEN }) },
  { method: 'GET', path: '/auth/me', valid: () => ({}) },
  { method: 'GET', path: '/users', valid: () => ({}) },
  { method: 'POST', path: '/users', valid: () => ({ body: { username: 'catalogue-user', password: 'long-enough-password', role: 'qa' } }) },
  { method: 'PATCH', path: '/users/{id}', valid: (samples) => ({ path: { id: samples.spareUserId }, body: { displayName: 'Spare' } }) },
  { method: 'GET', path: '/tokens', valid: () => ({}) },
  { method: 'POST', path: '/tokens', valid: () => ({ body: { name: 'catalogue-tv', role: 'wallboard', queues: ['billing'] } }) },
  { method: 'DELETE', path: '/tokens/{id}', valid: (samples) => ({ path: { id: samples.spareTokenId } }) },
  { method: 'GET', path: '/audit', valid: () => ({ query: { limit: '5' } }) },
];

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: any;
}

export interface OpenApiOperation {
  method: HttpMethod;
  path: string;
  parameters: OpenApiParameter[];
  /** The top-level property names of a JSON object body (none for arrays, strings, or no body). */
  bodyProperties: string[];
  hasBody: boolean;
}

const PREFIX = '/api/v1';

/** Every operation the api documents (GET /api/docs/openapi.json), paths under /api/v1. */
export async function openApiOperations(api: TestApi): Promise<OpenApiOperation[]> {
  const response = await fetch(`${api.origin}/api/docs/openapi.json`);
  if (response.status !== 200) throw new Error(`the OpenAPI document answered ${response.status}`);
  const document = (await response.json()) as any;
  const operations: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const bodySchema = resolve(document, operation.requestBody?.content?.['application/json']?.schema);
      operations.push({
        method: method.toUpperCase() as HttpMethod,
        path: path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path,
        parameters: (operation.parameters ?? []).map((parameter: any) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true,
          schema: resolve(document, parameter.schema) ?? {},
        })),
        bodyProperties: Object.keys(bodySchema?.properties ?? {}),
        hasBody: operation.requestBody !== undefined,
      });
    }
  }
  return operations;
}

function resolve(document: any, schema: any): any {
  if (!schema?.$ref) return schema;
  return (schema.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: any, key) => node?.[key], document);
}

export const operationKey = (operation: { method: string; path: string }) => `${operation.method} ${operation.path}`;

/** Documented operations the catalogue has no row for (and rows the document no longer has). */
export function catalogueGaps(
  operations: OpenApiOperation[],
  catalogue: readonly CatalogueEntry[] = CATALOGUE,
): { missing: string[]; stale: string[] } {
  const documented = new Set(operations.map(operationKey));
  const listed = new Set(catalogue.map(operationKey));
  return {
    missing: [...documented].filter((key) => !listed.has(key)),
    stale: [...listed].filter((key) => !documented.has(key)),
  };
}

/** Every value a query may carry in whatever order: a repeated name is a repeated parameter. */
export type QueryPairs = Array<[string, string]>;

export interface RawRequest {
  method: HttpMethod;
  /** The path with its parameters filled in (each already percent-encoded). */
  path: string;
  query?: QueryPairs;
  /** Appended to the query string as it stands: malformed percent-encodings and the like. */
  rawQuery?: string;
  /** The exact bytes sent; with `contentType` undefined, no content-type header. */
  body?: string;
  contentType?: string;
  /** The bearer token; null: none. */
  token: string | null;
  /** Further headers (e.g. Authorization spelt oddly). */
  headers?: Record<string, string>;
}

export interface RawAnswer {
  status: number;
  text: string;
  body: any;
}

/** A request the api must answer within this time; a longer one counts as a hang. */
export const HANG_MS = 15_000;

/** Any request exactly as given, aborted after HANG_MS (the abort rejects, naming the request). */
export async function send(api: TestApi, request: RawRequest): Promise<RawAnswer> {
  const search = new URLSearchParams();
  for (const [name, value] of request.query ?? []) search.append(name, value);
  const query = [search.toString(), request.rawQuery ?? ''].filter(Boolean).join('&');
  const url = `${api.baseUrl}${request.path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = { ...request.headers };
  if (request.token !== null) headers['authorization'] = `Bearer ${request.token}`;
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: request.method, headers, body: request.body, signal: AbortSignal.timeout(HANG_MS) });
    text = await response.text();
  } catch (error) {
    throw new Error(`${request.method} ${url.slice(0, 300)} got no answer within ${HANG_MS} ms: ${(error as Error).message}`);
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the text is the body
  }
  return { status: response.status, text, body };
}

/** The path of an entry with the given parameter values, percent-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(
    /\{(\w+)\}/g,
    (_whole, name: string) =>
      encodeURIComponent(Buffer.from(values[name] ?? '').toString()) /* lone surrogates as U+FFFD: encodeURIComponent throws on them */,
  );
}

/** The pairs of a catalogue query, repeated parameters spread out. */
export function pairsOf(query: Record<string, string | string[]> = {}): QueryPairs {
  return Object.entries(query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => [name, item] as [string, string]),
  );
}

/**
 * A little of everything in the hour before `now`: an answered, held, wrapped-up and surveyed
 * billing call, an abandoned sales call, agents of two teams. Enough for every query to find rows.
 */
export function sampleEvents(now: number): Array<Record<string, unknown>> {
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  return [
    { eventId: 's-north', type: 'agent.state_changed', ts: at(55), agentId: 'a-north', state: 'available', team: 'north' },
    { eventId: 's-south', type: 'agent.state_changed', ts: at(55), agentId: 'a-south', state: 'available', team: 'south' },
    {
      eventId: 'b1-o',
      type: 'call.offered',
      ts: at(40),
      callId: 'b1',
      queue: 'billing',
      customerId: '+8613800000001',
      category: 'complaint',
    },
    { eventId: 'b1-a', type: 'call.answered', ts: at(39.8), callId: 'b1', queue: 'billing', agentId: 'a-north' },
    { eventId: 'b1-h', type: 'call.hold_started', ts: at(38), callId: 'b1', agentId: 'a-north' },
    { eventId: 'b1-u', type: 'call.hold_ended', ts: at(37.5), callId: 'b1', agentId: 'a-north' },
    { eventId: 'b1-e', type: 'call.ended', ts: at(35), callId: 'b1', agentId: 'a-north' },
    { eventId: 'b1-w', type: 'call.wrapup_completed', ts: at(34), callId: 'b1', agentId: 'a-north', disposition: 'resolved' },
    { eventId: 'b1-s', type: 'survey.completed', ts: at(33), callId: 'b1', score: 4, resolved: true },
    { eventId: 's1-o', type: 'call.offered', ts: at(20), callId: 's1', queue: 'sales', customerId: '+8613800000002' },
    { eventId: 's1-x', type: 'call.abandoned', ts: at(19), callId: 's1', queue: 'sales' },
  ];
}
