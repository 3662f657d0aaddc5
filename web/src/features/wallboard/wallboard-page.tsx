import type { WallboardSearch } from '../../routes/wallboard';

// Placeholder until the feature lands.
export function WallboardPage(_props: { search: WallboardSearch; onChange: (next: Partial<WallboardSearch>) => void }) {
  return <p>WallboardPage</p>;
}
