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

async function request<T>(method: string, path: string, query?: Record<string, QueryValue>, body?: unknown): Promise<T> {
  const response = await fetch(apiUrl(path, query), {
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
};
