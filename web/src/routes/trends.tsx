import { z } from 'zod';
import { METRIC_NAMES } from '../lib/metrics';
import { TrendsPage } from '../features/trends/trends-page';
import { repeated, useSearch } from '../lib/search-params';

export const trendsSearch = z.object({
  metric: z
    .enum(METRIC_NAMES as [string, ...string[]])
    .catch('serviceLevel')
    .default('serviceLevel'),
  bucket: z.enum(['hour', 'day', 'week', 'month']).catch('day').default('day'),
  groupBy: z.enum(['queue', 'agent', 'team', 'category']).optional().catch(undefined),
  from: z.string().optional(),
  to: z.string().optional(),
  queue: repeated,
  team: repeated,
  agent: repeated,
  category: repeated,
  tenant: z.string().min(1).max(64).catch('default').default('default'),
});
export type TrendsSearch = z.output<typeof trendsSearch>;

export function TrendsRoute() {
  const [search, setSearch] = useSearch(trendsSearch);
  return <TrendsPage search={search} onChange={setSearch} />;
}
