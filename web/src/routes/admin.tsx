import { z } from 'zod';
import { AdminPage } from '../features/admin/admin-page';
import { useSearch } from '../lib/search-params';

export const ADMIN_TABS = ['users', 'tokens', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export const adminSearch = z.object({
  tab: z.enum(ADMIN_TABS).catch('users').default('users'),
});
export type AdminSearch = z.output<typeof adminSearch>;

export function AdminRoute() {
  const [search] = useSearch(adminSearch);
  return <AdminPage search={search} />;
}
