import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { Segment } from '../leg-timeline';

/** One bar per leg on the call's shared time axis: segments in colour, each named in words too. */
export function LegTimelineBars({ legs }: { legs: ReadonlyArray<{ queue: string; segments: Segment[] }> }) {
  const { t } = useTranslation('calls');
  const format = useFormat();
  return (
    <div className="leg-timeline">
      <ul className="leg-timeline-legend" aria-hidden="true">
        {(['wait', 'talk', 'hold', 'wrapUp'] as const).map((kind) => (
          <li key={kind}>
            <span className={`segment-swatch segment-${kind}`} />
            {t(`call.segments.${kind}`)}
          </li>
        ))}
      </ul>
      {legs.map((leg, index) => {
        const described = leg.segments
          .map((segment) => `${t(`call.segments.${segment.kind}`)} ${format.duration(segment.seconds)}`)
          .join(' · ');
        return (
          <figure key={index} className="leg-timeline-row">
            <figcaption>{t('call.legName', { index: index + 1, queue: leg.queue })}</figcaption>
            <div className="leg-timeline-bar" role="img" aria-label={described}>
              {leg.segments.map((segment, position) => (
                <span
                  key={position}
                  className={`segment segment-${segment.kind}`}
                  style={{ left: `${segment.left}%`, width: `${segment.width}%` }}
                  title={`${t(`call.segments.${segment.kind}`)} ${format.duration(segment.seconds)}`}
                >
                  {segment.width >= 8 && <span aria-hidden="true">{t(`call.segments.${segment.kind}`)}</span>}
                </span>
              ))}
            </div>
            <p className="leg-timeline-words" aria-hidden="true">
              {described}
            </p>
          </figure>
        );
      })}
    </div>
  );
}
