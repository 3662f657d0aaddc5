import { z } from 'zod';
import { WallboardPage } from '../features/wallboard/wallboard-page';
import { commaList, useSearch } from '../lib/search-params';

/** Everything a TV needs is in its URL, so it can be bookmarked: /wallboard?queues=billing,vip&columns=3&kiosk=1 */
export const wallboardSearch = z.object({
  queues: commaList,
  columns: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  agents: z.enum(['grid', 'counts', 'hidden']).catch('grid').default('grid'),
  kiosk: z.enum(['1']).optional().catch(undefined),
  tenant: z.string().min(1).max(64).catch('default').default('default'),
});
export type WallboardSearch = z.output<typeof wallboardSearch>;

export function WallboardRoute() {
  const [search, setSearch] = useSearch(wallboardSearch, { commaLists: ['queues'] });
  return <WallboardPage search={search} onChange={setSearch} />;
}
