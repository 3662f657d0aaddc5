import type { ReactNode } from 'react';
import type { Band } from '@callboard/api';
import { BandIndicator } from '../../components/band-indicator';

interface TileFigureProps {
  name: string;
  label: string;
  value: string;
  band: Band | null | undefined;
  /** The "how is this computed" button, when the screen has controls. */
  info?: ReactNode;
  /** Small print after the value: a target, how much is still pending. */
  note?: ReactNode;
  hero?: boolean;
}

/** One figure of a tile: label, band icon, the big value (its element carries the test id and band). */
export function TileFigure({ name, label, value, band, info, note, hero = false }: TileFigureProps) {
  return (
    <div className={`tile-figure${hero ? ' tile-figure-hero' : ''}${band ? ` tile-band-${band}` : ''}`}>
      <div className="tile-figure-label">
        <span>{label}</span>
        {info}
      </div>
      <div className="tile-figure-value-row">
        <BandIndicator band={band} />
        <span className="tile-figure-value" data-testid={`figure-${name}`} {...(band ? { 'data-band': band } : {})}>
          {value}
        </span>
      </div>
      {note && <div className="tile-figure-note">{note}</div>}
    </div>
  );
}
