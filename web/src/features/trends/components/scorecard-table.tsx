import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MetricInfo } from '../../../components/metric-info';
import { useFormat } from '../../../lib/format';
import { formatMetric, METRIC_INPUTS } from '../../../lib/metrics';
import { SCORECARD_BETTER, SCORECARD_METRICS, type ScorecardMetric, type TeamCard } from '../scorecard-rows';
import { outlierSide, outlierTone, type Spread } from '../scorecard-stats';

/** Each agent beside their team's median; figures beyond 1.5 × IQR of the team's quartiles are marked. */
export function ScorecardTable(props: { cards: TeamCard[]; callsLink: (agent: string) => string }) {
  const { t } = useTranslation(['trends', 'metrics']);
  const format = useFormat();
  return (
    <div className="panel table-scroll">
      <table className="data scorecard-table" data-testid="scorecard-table">
        <caption className="visually-hidden">{t('scorecard.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dimensions.agent')}</th>
            {SCORECARD_METRICS.map((name) => (
              <th key={name} scope="col">
                {t(`metrics:labels.${name}`)}
                {METRIC_INPUTS[name] && <MetricInfo metric={name} />}
              </th>
            ))}
          </tr>
        </thead>
        {props.cards.map((card) => (
          <tbody key={card.team ?? '∅'}>
            <tr className="scorecard-team">
              <th scope="rowgroup" colSpan={SCORECARD_METRICS.length + 1}>
                {card.team === null ? t('scorecard.noTeam') : t('scorecard.team', { team: card.team })} ·{' '}
                {t('scorecard.agents', { count: card.agents.length })}
              </th>
            </tr>
            <tr className="scorecard-median">
              <th scope="row">{card.team === null ? t('scorecard.centreMedian') : t('scorecard.teamMedian')}</th>
              {SCORECARD_METRICS.map((name) => (
                <td key={name}>{formatMetric(format, name, card.spreads[name]?.median)}</td>
              ))}
            </tr>
            {card.agents.map((row) => (
              <tr key={row.agent} data-testid={`scorecard-row-${row.agent}`}>
                <th scope="row">
                  <Link to={props.callsLink(row.agent)} title={t('scorecard.agentCalls', { agent: row.agent })}>
                    {row.agent}
                  </Link>
                </th>
                {SCORECARD_METRICS.map((name) => (
                  <td key={name}>
                    {formatMetric(format, name, row.figures[name])}
                    <OutlierMark metric={name} value={row.figures[name]} spread={card.spreads[name]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function OutlierMark({ metric, value, spread }: { metric: ScorecardMetric; value: number | null | undefined; spread: Spread | null }) {
  const { t } = useTranslation(['trends', 'metrics']);
  const format = useFormat();
  const side = outlierSide(value, spread);
  if (!side || !spread) return null;
  const tone = outlierTone(side, SCORECARD_BETTER[metric]);
  const range = `${formatMetric(format, metric, spread.lowFence)} – ${formatMetric(format, metric, spread.highFence)}`;
  return (
    <span
      className={`outlier outlier-${tone}`}
      data-testid="scorecard-outlier"
      data-tone={tone}
      title={t('scorecard.outlierHint', { range, median: formatMetric(format, metric, spread.median) })}
    >
      <span aria-hidden="true">{tone === 'better' ? '★' : '⚠'} </span>
      {t(`scorecard.outlier.${side}`)}
      {tone !== 'neutral' && ` (${t(`scorecard.tone.${tone}`)})`}
    </span>
  );
}
