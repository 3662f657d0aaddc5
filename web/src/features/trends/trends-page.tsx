import type { TrendsSearch } from '../../routes/trends';

// Placeholder until the feature lands.
export function TrendsPage(_props: { search: TrendsSearch; onChange: (next: Partial<TrendsSearch>) => void }) {
  return <p>TrendsPage</p>;
}
