import { z } from 'zod';
import { CallsPage } from '../features/calls/calls-page';
import { repeated, useSearch } from '../lib/search-params';

/** The calls behind a figure: any page links here with the figure's period and filters. */
export const callsSearch = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  queue: repeated,
  team: repeated,
  agent: repeated,
  category: repeated,
  outcome: repeated,
  fcr: repeated,
  tenant: z.string().min(1).max(64).catch('default').default('default'),
});
export type CallsSearch = z.output<typeof callsSearch>;

export function CallsRoute() {
  const [search, setSearch] = useSearch(callsSearch);
  return <CallsPage search={search} onChange={setSearch} />;
}
