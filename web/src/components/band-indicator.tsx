import { useTranslation } from 'react-i18next';
import type { Band } from '@callboard/api';

// Shape and word as well as colour: a colour-blind supervisor, or a greyscale TV, reads the same.
const ICONS: Record<Band, string> = { green: '●', amber: '▲', red: '■' };

export function BandIndicator({ band, size = '1em' }: { band: Band | null | undefined; size?: string }) {
  const { t } = useTranslation();
  if (!band) return null;
  return (
    <span className={`band band-${band}`} data-band={band} style={{ fontSize: size }} title={t(`bands.${band}`)}>
      <span aria-hidden="true">{ICONS[band]}</span>
      <span className="visually-hidden">{t(`bands.${band}`)}</span>
    </span>
  );
}
