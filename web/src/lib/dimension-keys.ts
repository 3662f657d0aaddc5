import { useQueries } from '@tanstack/react-query';
import type { MetricsResponseDto } from '@callboard/api';
import { api, type QueryValue } from './api';

export const DIMENSIONS = ['queue', 'team', 'agent', 'category'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface DimensionKey {
  key: string;
  offered: number;
}

/** The queues, teams, agents and categories seen over a period (GET /metrics?groupBy=…), busiest first. */
export function useDimensionKeys(
  period: { from: string; to: string } | undefined,
  dimensions: readonly Dimension[],
  query: Record<string, QueryValue> = {},
): { keys: Partial<Record<Dimension, DimensionKey[]>>; error: Error | null } {
  const results = useQueries({
    queries: dimensions.map((dimension) => ({
      queryKey: ['metrics', 'keys', dimension, period, query],
      queryFn: () => api.get<MetricsResponseDto>('/metrics', { ...query, ...period, groupBy: dimension }),
      enabled: period !== undefined,
      staleTime: 60_000,
    })),
  });
  const keys: Partial<Record<Dimension, DimensionKey[]>> = {};
  dimensions.forEach((dimension, index) => {
    const groups = results[index]?.data?.groups;
    if (!groups) return;
    keys[dimension] = groups
      .flatMap((group) => {
        const key = group.key[dimension];
        return key ? [{ key, offered: group.offered ?? 0 }] : [];
      })
      .sort((a, b) => b.offered - a.offered || a.key.localeCompare(b.key));
  });
  return { keys, error: results.find((result) => result.error)?.error ?? null };
}
