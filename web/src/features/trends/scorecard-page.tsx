import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateRange } from '../../components/date-range';
import { useCentreTimezone } from '../../lib/centre-timezone';
import { useDimensionKeys } from '../../lib/dimension-keys';
import type { ScorecardSearch } from '../../routes/scorecard';
import { DimensionFilter } from '../../components/dimension-filter';
import { ScorecardTable } from './components/scorecard-table';
import { useTeamCards } from './hooks/use-team-cards';
import { LAST_DAYS, lastDays } from './quick-ranges';
import { trendsPeriod } from './trends-period';
import { MIN_AGENTS_FOR_OUTLIERS } from './scorecard-stats';
import './trends.css';

/** QA: every agent against their team's median, outliers marked, each agent linking to their calls. */
export function ScorecardPage({ search, onChange }: { search: ScorecardSearch; onChange: (next: Partial<ScorecardSearch>) => void }) {
  const { t } = useTranslation(['trends', 'common']);
  const { timezone, error: settingsError } = useCentreTimezone(search.tenant);
  const period = useMemo(() => (timezone ? trendsPeriod(search, timezone, 7) : undefined), [search, timezone]);
  const { keys } = useDimensionKeys(period?.instants, ['queue', 'team'], { tenant: search.tenant });
  const { cards, error } = useTeamCards(period?.instants, { queue: search.queue, team: search.team }, search.tenant);
  const problem = settingsError ?? error;
  const now = Date.now();

  const callsLink = (agent: string) => {
    const params = new URLSearchParams({ agent, ...period?.instants });
    for (const queue of search.queue) params.append('queue', queue);
    return `/calls?${params.toString()}`;
  };

  return (
    <section className="scorecard-page" data-testid="scorecard-page">
      <h1>{t('scorecard.title')}</h1>
      {timezone && period && (
        <div className="controls">
          <DateRange
            legend={t('period')}
            fromLabel={t('from')}
            toLabel={t('to')}
            from={period.dates.from}
            to={period.dates.to}
            quickRanges={LAST_DAYS.map((days) => ({
              id: `last${days}`,
              label: t('lastDays', { count: days }),
              ...lastDays(days, now, timezone),
            }))}
            onChange={(range) => onChange(range)}
            testId="scorecard-period"
          />
          <DimensionFilter
            namespace="trends"
            testId="filter-team"
            dimension="team"
            keys={keys.team ?? []}
            selected={search.team}
            onChange={(team) => onChange({ team })}
          />
          <DimensionFilter
            namespace="trends"
            testId="filter-queue"
            dimension="queue"
            keys={keys.queue ?? []}
            selected={search.queue}
            onChange={(queue) => onChange({ queue })}
          />
        </div>
      )}
      <p className="trends-note">{t('scorecard.explain', { min: MIN_AGENTS_FOR_OUTLIERS })}</p>
      {problem && (
        <p role="alert" className="error">
          {t('common:error', { message: problem.message })}
        </p>
      )}
      {!cards && !problem && <p>{t('common:loading')}</p>}
      {cards && cards.length === 0 && <p>{t('scorecard.empty')}</p>}
      {cards && cards.length > 0 && <ScorecardTable cards={cards} callsLink={callsLink} />}
    </section>
  );
}
