import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useLiveFeed } from '../../lib/live';
import type { WallboardSearch } from '../../routes/wallboard';
import { AgentStrip } from './agent-strip';
import { AlertBanner } from './alert-banner';
import { alertsOfQueues, boardAgents, chartTarget, pickableQueues, shownQueues } from './board';
import { ControlBar, kioskUrlFor } from './control-bar';
import { DelayedBanner } from './delayed-banner';
import { IngestLagBanner } from './ingest-lag-banner';
import { useClockOffset } from './hooks/use-clock-offset';
import { useLastHour } from './hooks/use-last-hour';
import { useRecentAlerts } from './hooks/use-recent-alerts';
import { useNow } from './hooks/use-now';
import { LiveChart } from './live-chart';
import { QueueTile } from './queue-tile';
import './wallboard.css';

interface WallboardPageProps {
  search: WallboardSearch;
  onChange: (next: Partial<WallboardSearch>) => void;
}

/** The supervisors' TV: a tile per queue, the agents, the last hour, alerts; ?kiosk=1 for the wall. */
export function WallboardPage({ search, onChange }: WallboardPageProps) {
  const { t, i18n } = useTranslation('wallboard');
  const kiosk = search.kiosk === '1';
  // With controls the page needs every queue's name to offer it, so it subscribes to all and filters; a TV only to its own.
  const { live, alerts, connected, delayed, lastMessageAt, ingestLagSeconds } = useLiveFeed({
    tenant: search.tenant,
    queues: kiosk ? search.queues : undefined,
  });
  const lastHour = useLastHour({ tenant: search.tenant, queues: search.queues });
  const recentAlerts = useRecentAlerts({ tenant: search.tenant, queues: search.queues });
  const clockOffsetMs = useClockOffset(live?.at);
  const queues = shownQueues(live, search.queues);
  const byQueue = new Map((live?.queues ?? []).map((queue) => [queue.queue, queue]));
  const shownLive = queues.flatMap((queue) => byQueue.get(queue) ?? []);
  const tilesStyle = search.columns ? ({ '--wallboard-columns': search.columns } as CSSProperties) : undefined;

  return (
    <div className={`wallboard${kiosk ? ' wallboard-kiosk' : ''}`} data-testid="wallboard">
      <header className="wallboard-header">
        <h1>{t('title')}</h1>
        <span className={`wallboard-connection${connected && !delayed ? '' : ' wallboard-connection-lost'}`}>
          <span aria-hidden="true">{connected && !delayed ? '●' : '○'} </span>
          {!connected ? t('connection.reconnecting') : delayed ? t('connection.waiting') : t('connection.live')}
        </span>
        {live && <WallClock timezone={live.timezone} clockOffsetMs={clockOffsetMs} />}
      </header>
      {!kiosk && (
        <ControlBar
          search={search}
          onChange={onChange}
          queues={pickableQueues(live, search.queues)}
          kioskUrl={kioskUrlFor(search, i18n.language)}
        />
      )}
      <DelayedBanner delayed={delayed} lastMessageAt={lastMessageAt} />
      <IngestLagBanner seconds={delayed ? undefined : ingestLagSeconds} />
      <AlertBanner alerts={alertsOfQueues([...alerts, ...recentAlerts], search.queues)} kiosk={kiosk} clockOffsetMs={clockOffsetMs} />
      {!live ? (
        <p className="wallboard-muted">{t('common:loading')}</p>
      ) : (
        <>
          {search.queues.length === 0 && live.totals && (
            <QueueTile
              title={t('totals')}
              testId="centre-totals"
              wide
              figures={live.totals}
              kiosk={kiosk}
              dimmed={delayed}
              clockOffsetMs={clockOffsetMs}
            />
          )}
          {queues.length === 0 && <p className="wallboard-muted">{t('noQueues')}</p>}
          <div className={`wallboard-tiles${search.columns ? ' wallboard-tiles-fixed' : ''}`} style={tilesStyle}>
            {queues.map((queue) => {
              const figures = byQueue.get(queue);
              return figures ? (
                <QueueTile
                  key={queue}
                  title={queue}
                  testId={`tile-${queue}`}
                  figures={figures}
                  kiosk={kiosk}
                  dimmed={delayed}
                  clockOffsetMs={clockOffsetMs}
                />
              ) : (
                <section key={queue} className="wallboard-tile" data-testid={`tile-${queue}`} aria-label={queue}>
                  <h2 className="wallboard-tile-title">{queue}</h2>
                  <p className="wallboard-muted">{t('noData')}</p>
                </section>
              );
            })}
          </div>
          <div className="wallboard-bottom">
            {search.agents !== 'hidden' && (
              <AgentStrip
                agents={boardAgents(live, search.queues)}
                display={search.agents}
                clockOffsetMs={clockOffsetMs}
                dimmed={delayed}
              />
            )}
            <div className="wallboard-chart-area">
              <LiveChart points={lastHour.data ?? []} serviceLevelTarget={chartTarget(live, shownLive)} />
              {lastHour.isError && <p className="wallboard-muted">{t('chart.error')}</p>}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function WallClock({ timezone, clockOffsetMs }: { timezone: string; clockOffsetMs: number }) {
  const format = useFormat();
  const now = useNow(clockOffsetMs);
  return (
    <time className="wallboard-clock" dateTime={new Date(now).toISOString()}>
      {format.dateTime(now, timezone, 'time')}
    </time>
  );
}
