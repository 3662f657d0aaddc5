import { useQuery } from '@tanstack/react-query';
import type { Settings } from '@callboard/api';
import { api } from './api';

/** The centre timezone (GET /settings): "today", days, weeks and months follow it. */
export function useCentreTimezone(tenant = 'default'): { timezone: string | undefined; error: Error | null } {
  const { data, error } = useQuery({
    queryKey: ['settings', tenant, 'timezone'],
    queryFn: () => api.get<Settings>('/settings', { tenant }),
    select: (settings) => settings.timezone,
    staleTime: 5 * 60_000,
  });
  return { timezone: data, error };
}
