import type { SettingsSearch } from '../../routes/settings';

// Placeholder until the feature lands.
export function SettingsPage(_props: { search: SettingsSearch; onChange: (next: Partial<SettingsSearch>) => void }) {
  return <p>SettingsPage</p>;
}
