import { z } from 'zod';
import { ScorecardPage } from '../features/trends/scorecard-page';
import { repeated, useSearch } from '../lib/search-params';

export const scorecardSearch = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  team: repeated,
  queue: repeated,
  tenant: z.string().min(1).max(64).catch('default').default('default'),
});
export type ScorecardSearch = z.output<typeof scorecardSearch>;

export function ScorecardRoute() {
  const [search, setSearch] = useSearch(scorecardSearch);
  return <ScorecardPage search={search} onChange={setSearch} />;
}
