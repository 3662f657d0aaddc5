import type { ScorecardSearch } from '../../routes/scorecard';

// Placeholder until the feature lands.
export function ScorecardPage(_props: { search: ScorecardSearch; onChange: (next: Partial<ScorecardSearch>) => void }) {
  return <p>ScorecardPage</p>;
}
