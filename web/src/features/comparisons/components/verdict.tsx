import { useTranslation } from 'react-i18next';
import { arrowOf, verdictOf, type Change } from '../change-format';

/** ▲/▼ for the direction of the change and a word for whether it is better: colour is never the only signal. */
export function Verdict({ change }: { change: Change | undefined }) {
  const { t } = useTranslation('compare');
  const verdict = verdictOf(change);
  const delta = change?.delta ?? null;
  const arrow = arrowOf(delta);
  const word = verdict === 'none' ? (delta === null ? '' : t(delta > 0 ? 'verdict.up' : 'verdict.down')) : t(`verdict.${verdict}`);
  return (
    <span className={`verdict verdict-${verdict}`} data-verdict={verdict}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {word}
    </span>
  );
}
