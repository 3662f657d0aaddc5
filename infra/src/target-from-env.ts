import { z } from 'zod';
import type { ClickHouseTarget } from './clickhouse';

const clickHouseEnvSchema = z.object({
  CLICKHOUSE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a plain identifier (letters, digits, underscore)')
    .default('callboard'),
  CLICKHOUSE_PATH: z.string().min(1).default('./data/clickhouse'),
});

/** DESIGN.md "Runtime interface": CLICKHOUSE_URL set → a server, unset → the embedded engine. */
export function clickHouseTargetFromEnv(env: Record<string, string | undefined>): ClickHouseTarget {
  const parsed = clickHouseEnvSchema.parse(emptyAsUnset(env));
  if (parsed.CLICKHOUSE_URL) {
    return {
      kind: 'server',
      url: parsed.CLICKHOUSE_URL,
      username: parsed.CLICKHOUSE_USER,
      password: parsed.CLICKHOUSE_PASSWORD,
      database: parsed.CLICKHOUSE_DATABASE,
    };
  }
  return { kind: 'embedded', path: parsed.CLICKHOUSE_PATH, database: parsed.CLICKHOUSE_DATABASE };
}

/** `FOO=` in a shell or compose file means "not set", as it does for most tools. */
export function emptyAsUnset(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}
