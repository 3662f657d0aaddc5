import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MetricsResponseDto, Settings } from '@callboard/api';
import { api } from '../../../lib/api';
import type { SettingsUpdate } from '../settings-values';

const settingsKey = (tenant: string) => ['settings', tenant] as const;
const KNOWN_QUEUES_DAYS = 30;

export function useSettings(tenant: string) {
  return useQuery({ queryKey: settingsKey(tenant), queryFn: () => api.get<Settings>('/settings', { tenant }) });
}

/** PUT /settings; the answer is the settings now in force, and every reader of them refetches. */
export function useSaveSettings(tenant: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: SettingsUpdate) => api.put<Settings>(`/settings?tenant=${encodeURIComponent(tenant)}`, update),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKey(tenant) }),
  });
}

/** Queues that took calls over the last 30 days (GET /metrics?groupBy=queue), for the queue picker. */
export function useRecentQueues(tenant: string) {
  const [period] = useState(() => {
    const to = Date.now();
    return { from: new Date(to - KNOWN_QUEUES_DAYS * 86_400_000).toISOString(), to: new Date(to).toISOString() };
  });
  return useQuery({
    queryKey: ['metrics', tenant, 'queues', period],
    queryFn: () => api.get<MetricsResponseDto>('/metrics', { tenant, groupBy: 'queue', ...period }),
    staleTime: 5 * 60_000,
    select: (response) => response.groups.flatMap((group) => (group.key['queue'] ? [group.key['queue']] : [])),
  });
}
