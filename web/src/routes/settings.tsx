import { z } from 'zod';
import { SettingsPage } from '../features/settings/settings-page';
import { canEditSettings } from '../lib/principal';
import { useSearch } from '../lib/search-params';
import { usePrincipal } from '../lib/use-session';

export const settingsSearch = z.object({
  queue: z.string().optional(),
  tenant: z.string().min(1).max(64).catch('default').default('default'),
});
export type SettingsSearch = z.output<typeof settingsSearch>;

export function SettingsRoute() {
  const [search, setSearch] = useSearch(settingsSearch);
  const { role } = usePrincipal();
  return <SettingsPage search={search} onChange={setSearch} readOnly={!canEditSettings(role)} />;
}
