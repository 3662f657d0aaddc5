import { useTranslation } from 'react-i18next';
import type { LiveFigures } from '@callboard/api';
import { MetricInfo } from '../../components/metric-info';
import { useFormat } from '../../lib/format';
import { formatFigure, lowerIsBetterBand, secondsSince } from './figures';
import { useNow } from './hooks/use-now';
import { TileFigure } from './tile-figure';

const TODAY_FIGURES = ['serviceLevel', 'abandonmentRate', 'asaSeconds', 'ahtSeconds', 'fcrRate', 'csatMean'] as const;

interface QueueTileProps {
  title: string;
  testId: string;
  figures: LiveFigures;
  /** Kiosk screens have no controls, so no "how is this computed" buttons. */
  kiosk?: boolean;
  /** The feed is delayed: the figures may be stale. */
  dimmed?: boolean;
  clockOffsetMs?: number;
  /** A full-width tile (the centre's totals): every figure in one row. */
  wide?: boolean;
}

/** A queue's (or the centre's) live figures: waiting now and the longest wait, then today's rates. */
export function QueueTile({ title, testId, figures, kiosk = false, dimmed = false, clockOffsetMs = 0, wide = false }: QueueTileProps) {
  const { t } = useTranslation('wallboard');
  const format = useFormat();
  const now = useNow(clockOffsetMs);
  // The longest wait grows between pushes: tick it here, and band it by the same thresholds as the api.
  const longestWait = figures.oldestWaitingSince ? secondsSince(figures.oldestWaitingSince, now) : figures.longestWaitSeconds;
  const longestWaitBand = figures.oldestWaitingSince
    ? lowerIsBetterBand(longestWait, figures.settings.thresholds.longestWaitSeconds)
    : figures.bands.longestWaitSeconds;
  const today = figures.today;
  const notes: Partial<Record<(typeof TODAY_FIGURES)[number], string>> = {
    serviceLevel: t('target', { target: format.percent(figures.settings.serviceLevelTarget, 0) }),
    fcrRate: t('fcrPending', { value: format.count(today.fcrPending) }),
  };
  return (
    <section
      className={`wallboard-tile${wide ? ' wallboard-tile-wide' : ''}${dimmed ? ' wallboard-tile-dimmed' : ''}`}
      data-testid={testId}
      aria-label={title}
    >
      <h2 className="wallboard-tile-title">{title}</h2>
      <div className="wallboard-tile-body">
        <div className="wallboard-tile-hero">
          <TileFigure
            hero
            name="waitingNow"
            label={t('figures.waitingNow')}
            value={formatFigure(format, 'waitingNow', figures.waitingNow)}
            band={figures.bands.waitingNow}
          />
          <TileFigure
            hero
            name="longestWaitSeconds"
            label={t('figures.longestWaitSeconds')}
            value={formatFigure(format, 'longestWaitSeconds', longestWait)}
            band={longestWaitBand}
          />
        </div>
        <div className="wallboard-tile-today-section">
          <h3 className="wallboard-tile-caption">{t('today')}</h3>
          <div className="wallboard-tile-today">
            {TODAY_FIGURES.map((name) => (
              <TileFigure
                key={name}
                name={name}
                label={t(`figures.${name}`)}
                value={formatFigure(format, name, today[name])}
                band={figures.bands[name]}
                note={notes[name]}
                info={kiosk ? undefined : <MetricInfo metric={name} figures={today} />}
              />
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
