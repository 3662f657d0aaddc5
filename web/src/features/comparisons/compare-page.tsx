import type { CompareSearch } from '../../routes/compare';

// Placeholder until the feature lands.
export function ComparePage(_props: { search: CompareSearch; onChange: (next: Partial<CompareSearch>) => void }) {
  return <p>ComparePage</p>;
}
