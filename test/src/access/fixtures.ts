/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them */
import { createHmac } from 'node:crypto';
import { openClickHouse, type ClickHouseClient } from '@callboard/infra';
import { io, type Socket } from 'socket.io-client';
import type { TestApi } from '../helpers/api-harness';
import { WORKER_DATA_DIR } from '../helpers/clickhouse';

/** Every test user's password: long enough for the api's rule (≥ 10 characters). */
export const PASSWORD = 'correct-horse-battery-staple';

/** A known JWT key (CALLBOARD_JWT_SECRET), so a test can sign a token the api would sign. */
export const JWT_SECRET = 'access-tests-jwt-secret-0123456789abcdef';

export type Role = 'admin' | 'manager' | 'supervisor' | 'qa' | 'wallboard' | 'intake';

export interface UserSpec {
  username: string;
  role: Exclude<Role, 'wallboard' | 'intake'>;
  tenant?: string;
  queues?: string[];
  teams?: string[];
  password?: string;
}

export interface SignedIn {
  userId: string;
  username: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  principal: Record<string, any>;
}

/** Creates a user with the bootstrap token. */
export async function createUser(api: TestApi, spec: UserSpec): Promise<{ id: string; username: string }> {
  const { password = PASSWORD, ...rest } = spec;
  const response = await api.request('POST', '/users', { body: { ...rest, password } });
  if (response.status !== 201) throw new Error(`POST /users answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, username: response.body.username };
}

export async function signIn(api: TestApi, username: string, password = PASSWORD): Promise<Omit<SignedIn, 'userId' | 'username'>> {
  const response = await api.request('POST', '/auth/login', { token: null, body: { username, password } });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Omit<SignedIn, 'userId' | 'username'>;
}

/** A new user, signed in. */
export async function signedInUser(api: TestApi, spec: UserSpec): Promise<SignedIn> {
  const user = await createUser(api, spec);
  return { userId: user.id, username: user.username, ...(await signIn(api, spec.username, spec.password)) };
}

/** An API token made with the bootstrap token: `secret` is the bearer token. */
export async function createApiToken(
  api: TestApi,
  spec: { name: string; role: 'wallboard' | 'intake'; tenant?: string; queues?: string[] },
): Promise<{ id: string; secret: string }> {
  const response = await api.request('POST', '/tokens', { body: spec });
  if (response.status !== 201) throw new Error(`POST /tokens answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, secret: response.body.secret };
}

export async function revokeApiToken(api: TestApi, id: string): Promise<void> {
  const response = await api.request('DELETE', `/tokens/${id}`);
  if (response.status !== 200) throw new Error(`DELETE /tokens/${id} answered ${response.status}`);
}

/** The claims of a JWT (not verified: the test only reads what the api signed). */
export function claimsOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, any>;
}

/** An HS256 JWT over `claims`, signed with `secret`: how a test makes an expired or foreign token. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** A client on the api's own database (same chdb directory: the Jest worker's). */
export function openApiDatabase(api: TestApi): Promise<ClickHouseClient> {
  return openClickHouse({ kind: 'embedded', path: WORKER_DATA_DIR, database: api.database });
}

export async function rowsOf<T = Record<string, unknown>>(client: ClickHouseClient, query: string): Promise<T[]> {
  const result = await client.query({ query, format: 'JSONEachRow' });
  return result.json<T>();
}

export async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A raw Socket.IO client on /live that never reconnects by itself, so a refusal stays visible. */
export function openSocket(api: TestApi, auth: Record<string, unknown>, extraHeaders?: Record<string, string>): Socket {
  return io(`${api.origin}/live`, { auth, transports: ['websocket'], reconnection: false, extraHeaders });
}

/** How the handshake ended: connected, or the connect_error message and data. */
export function handshakeOf(socket: Socket): Promise<{ connected: true } | { connected: false; message: string; data: any }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error: Error & { data?: unknown }) =>
      resolve({ connected: false, message: error.message, data: error.data }),
    );
  });
}

export const iso = (millis: number) => new Date(millis).toISOString();

/**
 * A fixed-offset zone in which `now` falls between 06:00 and 18:00, so that calls of the last
 * hour are "today" for the live figures whenever the suite runs.
 */
export function middayZone(now: number): string {
  const offset = Math.round(12 - new Date(now).getUTCHours() - new Date(now).getUTCMinutes() / 60);
  // Etc/GMT zones count the other way: Etc/GMT-8 is UTC+8.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/**
 * Calls in two queues by agents of two teams, all within the hour before `now` (tenant default),
 * plus one call of tenant `other`. By hand:
 * - billing: b1 answered by a-north, b2 answered by a-south, b3 abandoned → offered 3, answered 2, handled 2;
 * - sales: s1 answered by a-north, s2 abandoned → offered 2, answered 1, handled 1;
 * - the whole centre offered 5; team north's agents answered and handled b1 and s1 (2), team south's b2 (1).
 */
export function twoQueueScenario(now: number): Array<Record<string, unknown>> {
  const at = (minutesAgo: number) => iso(now - minutesAgo * 60_000);
  const answered = (callId: string, queue: string, agentId: string, offeredAgo: number) => [
    { eventId: `${callId}-o`, type: 'call.offered', ts: at(offeredAgo), callId, queue },
    { eventId: `${callId}-a`, type: 'call.answered', ts: at(offeredAgo - 0.25), callId, queue, agentId },
    { eventId: `${callId}-e`, type: 'call.ended', ts: at(offeredAgo - 3), callId, agentId, wrapup: false },
  ];
  const abandoned = (callId: string, queue: string, offeredAgo: number) => [
    { eventId: `${callId}-o`, type: 'call.offered', ts: at(offeredAgo), callId, queue },
    { eventId: `${callId}-x`, type: 'call.abandoned', ts: at(offeredAgo - 0.5), callId, queue },
  ];
  return [
    { eventId: 'north-in', type: 'agent.state_changed', ts: at(50), agentId: 'a-north', state: 'available', team: 'north' },
    { eventId: 'south-in', type: 'agent.state_changed', ts: at(50), agentId: 'a-south', state: 'available', team: 'south' },
    ...answered('b1', 'billing', 'a-north', 40),
    ...answered('b2', 'billing', 'a-south', 30),
    ...abandoned('b3', 'billing', 20),
    ...answered('s1', 'sales', 'a-north', 15),
    ...abandoned('s2', 'sales', 10),
    { eventId: 'o1-o', type: 'call.offered', ts: at(10), callId: 'o1', queue: 'billing', tenant: 'other' },
  ];
}
