import { useQuery } from '@tanstack/react-query';
import type { Alert, AlertsResponseDto } from '@callboard/api';
import { api } from '../../../lib/api';
import { ALERT_SHOWN_MS } from '../alert-banner';

/**
 * The crossings of the last few minutes from GET /alerts, so that a wallboard opened (or a TV
 * reloaded) just after a crossing still shows it; the live feed brings the ones after.
 */
export function useRecentAlerts(options: { tenant: string; queues: readonly string[] }): Alert[] {
  const queues = [...options.queues].sort();
  const { data } = useQuery({
    queryKey: ['wallboard', 'recent-alerts', options.tenant, queues.join(',')],
    queryFn: () =>
      api.get<AlertsResponseDto>('/alerts', {
        tenant: options.tenant,
        queue: queues,
        from: new Date(Date.now() - ALERT_SHOWN_MS.normal).toISOString(),
        limit: 100,
      }),
    staleTime: Infinity,
  });
  return (data?.alerts ?? []) as Alert[];
}
