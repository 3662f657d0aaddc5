import { useQuery } from '@tanstack/react-query';
import type { TrendsResponseDto } from '@callboard/api';
import { api, type QueryValue } from '../../../lib/api';

export function useTrends(query: Record<string, QueryValue> | undefined) {
  return useQuery({
    queryKey: ['trends', query],
    queryFn: () => api.get<TrendsResponseDto>('/trends', query),
    enabled: query !== undefined,
    staleTime: 30_000,
  });
}
