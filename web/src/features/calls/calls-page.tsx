import type { CallsSearch } from '../../routes/calls';

// Placeholder until the feature lands.
export function CallsPage(_props: { search: CallsSearch; onChange: (next: Partial<CallsSearch>) => void }) {
  return <p>CallsPage</p>;
}
