import type { Principal } from './principal';
import { ACCESS_KEY, REFRESH_KEY, session } from './session';

export function principal(overrides: Partial<Principal> = {}): Principal {
  return { kind: 'user', id: 'u1', name: 'Lin Na', role: 'admin', tenant: 'default', queues: null, teams: null, ...overrides };
}

export interface FetchCall {
  method: string;
  path: string;
  search: string;
  bearer: string | undefined;
  body: unknown;
}

/** A double of the browser's fetch (jsdom has no network): records each call and answers with `answer`. */
export function stubFetch(answer: (call: FetchCall) => Response | Promise<Response>): FetchCall[] {
  const calls: FetchCall[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: FetchCall = {
      method: init.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      bearer: headers['authorization']?.replace(/^Bearer /, ''),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return answer(call);
  });
  return calls;
}

export const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** As if this tab had signed in earlier: an access token in sessionStorage, a refresh token in localStorage. */
export function seedSession(options: { accessToken?: string; refreshToken?: string; expiresInMs?: number; principal?: Principal } = {}) {
  sessionStorage.setItem(
    ACCESS_KEY,
    JSON.stringify({
      accessToken: options.accessToken ?? 'access-1',
      expiresAt: Date.now() + (options.expiresInMs ?? 900_000),
      principal: options.principal ?? principal(),
    }),
  );
  localStorage.setItem(REFRESH_KEY, options.refreshToken ?? 'refresh-1');
  session.load();
}

export function resetSession() {
  localStorage.clear();
  sessionStorage.clear();
  session.load();
}
