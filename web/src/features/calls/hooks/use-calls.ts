import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CallDetailDto, CallsPageDto } from '@callboard/api';
import { api } from '../../../lib/api';
import type { CallsSearch } from '../../../routes/calls';

export type CallSummary = CallsPageDto['calls'][number];
export type CallDetail = CallDetailDto;
export type LegDetail = CallDetailDto['legs'][number];

export const CALLS_PAGE_SIZE = 50;

/** GET /calls a page at a time: each next page asks from the previous page's nextCursor. */
export function useCalls(search: CallsSearch, period: { from: string; to: string } | undefined) {
  const { from: _from, to: _to, ...filters } = search;
  return useInfiniteQuery({
    queryKey: ['calls', filters, period],
    queryFn: ({ pageParam }) => api.get<CallsPageDto>('/calls', { ...filters, ...period, limit: CALLS_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: period !== undefined,
  });
}

export function useCall(tenant: string, callId: string) {
  return useQuery({
    queryKey: ['call', tenant, callId],
    queryFn: () => api.get<CallDetailDto>(`/calls/${encodeURIComponent(callId)}`, { tenant }),
    enabled: callId !== '',
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 1,
  });
}
