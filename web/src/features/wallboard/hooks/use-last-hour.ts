import { useQuery } from '@tanstack/react-query';
import type { MetricsResponseDto } from '@callboard/api';
import { api } from '../../../lib/api';

const FIVE_MINUTES = 5 * 60_000;
export const LAST_HOUR_REFRESH_MS = 30_000;

/** One point per 5 minutes of the last hour: what the wallboard's live chart plots. */
export interface IntervalPoint {
  /** Local start of the bucket, RFC 3339 with the centre's offset. */
  bucket: string;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
}

/** The last 60 minutes in 5-minute buckets, refreshed every 30 s. */
export function useLastHour(options: { tenant: string; queues: readonly string[] }) {
  const queues = [...options.queues].sort();
  return useQuery({
    queryKey: ['wallboard', 'last-hour', options.tenant, queues.join(',')],
    queryFn: async () => {
      // Whole 5-minute buckets, the last one still filling. Ending at the bucket's end rather than
      // at now makes every TV watching these queues ask the same question, which the api shares.
      const endOfBucket = (Math.floor(Date.now() / FIVE_MINUTES) + 1) * FIVE_MINUTES;
      const response = await api.get<MetricsResponseDto>('/metrics', {
        from: new Date(endOfBucket - 12 * FIVE_MINUTES).toISOString(),
        to: new Date(endOfBucket).toISOString(),
        groupBy: 'interval5m',
        queue: queues,
        tenant: options.tenant,
      });
      return toIntervalPoints(response);
    },
    refetchInterval: LAST_HOUR_REFRESH_MS,
  });
}

export function toIntervalPoints(response: Pick<MetricsResponseDto, 'groups'>): IntervalPoint[] {
  return response.groups
    .filter((group) => typeof group.key['bucket'] === 'string')
    .map((group) => ({
      bucket: group.key['bucket']!,
      offered: group.offered ?? 0,
      answered: group.answered ?? 0,
      abandoned: group.abandoned ?? 0,
      serviceLevel: group.serviceLevel,
    }))
    .sort((a, b) => Date.parse(a.bucket) - Date.parse(b.bucket));
}
