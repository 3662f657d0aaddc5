import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../lib/api';
import { NO_VALUE, useFormat } from '../../lib/format';
import { CallEvents } from './components/call-events';
import { LegTimelineBars } from './components/leg-timeline-bars';
import { LegsTable } from './components/legs-table';
import { useCentreTimezone } from '../../lib/centre-timezone';
import { useCall, type CallDetail } from './hooks/use-calls';
import { callTimeline } from './leg-timeline';
import './calls.css';

/** One call: its legs, a bar per leg (waiting, talk, hold, wrap-up), the survey and every event. */
export function CallPage({ callId, tenant = 'default' }: { callId: string; tenant?: string }) {
  const { t } = useTranslation('calls');
  const { t: common } = useTranslation();
  const { timezone: zone, error: timezoneError } = useCentreTimezone(tenant);
  const call = useCall(tenant, callId);
  const notFound = call.error instanceof ApiError && call.error.status === 404;
  const error = (!notFound && call.error) || timezoneError;

  return (
    <section className="call-page" data-testid="call-page">
      <p>
        <Link to={tenant === 'default' ? '/calls' : `/calls?tenant=${encodeURIComponent(tenant)}`}>← {t('call.back')}</Link>
      </p>
      <h1>{t('call.title', { callId })}</h1>
      {notFound && (
        <p role="alert" className="panel call-not-found">
          {t('call.notFound', { callId })}
        </p>
      )}
      {error && <p role="alert">{common('error', { message: error.message })}</p>}
      {(call.isPending || !zone) && !error && !notFound && <p>{common('loading')}</p>}
      {call.data && zone && <CallDetails call={call.data} timezone={zone} />}
    </section>
  );
}

function CallDetails({ call, timezone }: { call: CallDetail; timezone: string }) {
  const { t } = useTranslation('calls');
  const format = useFormat();
  const timeline = callTimeline(call.legs, call.events);
  return (
    <>
      <dl className="panel call-summary">
        <dt>{t('columns.offeredAt')}</dt>
        <dd>{format.dateTime(call.firstOfferedAt, timezone, 'short')}</dd>
        <dt>{t('columns.category')}</dt>
        <dd>{call.category ? t(`categories.${call.category}`, { defaultValue: call.category }) : NO_VALUE}</dd>
        <dt>{t('columns.customer')}</dt>
        <dd>{t(call.customer ? 'customers.known' : 'customers.anonymous')}</dd>
        <dt>{t('columns.finalAgent')}</dt>
        <dd>{call.agent ?? NO_VALUE}</dd>
        <dt>{t('columns.handleTime')}</dt>
        <dd>{format.duration(call.handleSeconds > 0 ? call.handleSeconds : null)}</dd>
        <dt>{t('columns.fcr')}</dt>
        <dd>{call.fcr ? t(`fcr.${call.fcr}`) : t('fcr.none')}</dd>
      </dl>
      <div className="panel">
        <LegsTable call={call} timezone={timezone} />
        <h2>{t('call.timeline')}</h2>
        <LegTimelineBars legs={call.legs.map((leg, index) => ({ queue: leg.queue, segments: timeline[index] ?? [] }))} />
      </div>
      <div className="panel">
        <h2>{t('call.survey')}</h2>
        {call.surveyScore === null ? (
          <p>{t('survey.none')}</p>
        ) : (
          <dl className="call-survey">
            <dt>{t('columns.score')}</dt>
            <dd>{t('survey.score', { score: format.count(call.surveyScore) })}</dd>
            <dt>{t('columns.surveyResolved')}</dt>
            <dd>{call.surveyResolved === null ? t('survey.notAsked') : t(call.surveyResolved ? 'yes' : 'no')}</dd>
          </dl>
        )}
      </div>
      <div className="panel">
        <CallEvents events={call.events} timezone={timezone} />
      </div>
    </>
  );
}
