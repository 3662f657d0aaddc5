import { useQuery } from '@tanstack/react-query';
import type { CompareResponseDto } from '@callboard/api';
import { api, type QueryValue } from '../../../lib/api';

/** GET /metrics/compare for a query built from the URL (undefined until the centre timezone is known). */
export function useComparison(query: Record<string, QueryValue> | undefined) {
  return useQuery({
    queryKey: ['metrics', 'compare', query],
    queryFn: () => api.get<CompareResponseDto>('/metrics/compare', query),
    enabled: query !== undefined,
    staleTime: 30_000,
  });
}
