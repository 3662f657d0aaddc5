import { session } from './session';

export type QueryValue = string | number | boolean | undefined | null | readonly string[];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameters: Array<{ name: string; message: string }> = [],
  ) {
    super(message);
  }
}

export const API_BASE = '/api/v1';

/** `?queue=a&queue=b`: arrays become repeated parameters, empty values are left out. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/** Sends the session's bearer; a 401 gets one renewed token and one retry, then the session is over. */
async function authorisedFetch(url: string, init: RequestInit): Promise<Response> {
  const token = await session.token();
  const response = await fetch(url, withBearer(init, token));
  if (response.status !== 401) return response;
  const renewed = await session.renew(token);
  if (!renewed) return response;
  const retried = await fetch(url, withBearer(init, renewed));
  if (retried.status === 401) session.expire();
  return retried;
}

function withBearer(init: RequestInit, token: string | undefined): RequestInit {
  return token ? { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } } : init;
}

async function request<T>(method: string, path: string, query?: Record<string, QueryValue>, body?: unknown): Promise<T> {
  const response = await authorisedFetch(apiUrl(path, query), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const problem = (parsed ?? {}) as { message?: string; parameters?: Array<{ name: string; message: string }> };
    throw new ApiError(response.status, problem.message ?? response.statusText, problem.parameters);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', path, query),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, undefined, body),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, undefined, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, undefined, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
