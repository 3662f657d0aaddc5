import { z } from 'zod';
import { ComparePage } from '../features/comparisons/compare-page';
import { repeated, useSearch } from '../lib/search-params';

/** Every choice lives in the URL, so a comparison can be shared. */
export const compareSearch = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  against: z.enum(['previous', 'week', 'year', 'custom']).catch('previous').default('previous'),
  againstFrom: z.string().optional(),
  againstTo: z.string().optional(),
  groupBy: z.enum(['queue', 'agent', 'team', 'category']).optional().catch(undefined),
  queue: repeated,
  team: repeated,
  agent: repeated,
  category: repeated,
  tenant: z.string().min(1).max(64).catch('default').default('default'),
});
export type CompareSearch = z.output<typeof compareSearch>;

export function CompareRoute() {
  const [search, setSearch] = useSearch(compareSearch);
  return <ComparePage search={search} onChange={setSearch} />;
}
