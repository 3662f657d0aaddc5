import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NO_VALUE, useFormat } from '../../../lib/format';
import type { CallSummary } from '../hooks/use-calls';
import { callHref } from '../call-links';

/** One row per call, newest first; times in the centre's timezone. Renders, never fetches. */
export function CallsTable({ calls, timezone, tenant }: { calls: readonly CallSummary[]; timezone: string; tenant: string }) {
  const { t } = useTranslation('calls');
  const format = useFormat();
  return (
    <table className="data calls-table" data-testid="calls-table">
      <caption className="visually-hidden">{t('title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.offeredAt')}</th>
          <th scope="col">{t('columns.queues')}</th>
          <th scope="col">{t('columns.category')}</th>
          <th scope="col">{t('columns.outcome')}</th>
          <th scope="col">{t('columns.wait')}</th>
          <th scope="col">{t('columns.handleTime')}</th>
          <th scope="col">{t('columns.agent')}</th>
          <th scope="col">{t('columns.fcr')}</th>
          <th scope="col">{t('columns.survey')}</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => {
          const lastLeg = call.legs[call.legs.length - 1];
          const waits = call.legs.flatMap((leg) => (leg.waitSeconds === null ? [] : [leg.waitSeconds]));
          const agent = call.agent ?? [...call.legs].reverse().find((leg) => leg.agent)?.agent ?? null;
          return (
            <tr key={call.callId} data-testid={`call-row-${call.callId}`}>
              <td>
                <Link to={callHref(call.callId, tenant)}>{format.dateTime(call.firstOfferedAt, timezone, 'short')}</Link>
                <span className="call-id">{call.callId}</span>
              </td>
              <td>{[...new Set(call.legs.map((leg) => leg.queue))].join(' → ') || call.queue}</td>
              <td>{call.category ? t(`categories.${call.category}`, { defaultValue: call.category }) : NO_VALUE}</td>
              <td>{lastLeg ? t(`outcomes.${lastLeg.outcome}`) : NO_VALUE}</td>
              <td>{format.duration(waits.length > 0 ? waits.reduce((sum, wait) => sum + wait, 0) : null)}</td>
              <td>{format.duration(call.handleSeconds > 0 ? call.handleSeconds : null)}</td>
              <td>{agent ?? NO_VALUE}</td>
              <td>{call.fcr ? t(`fcr.${call.fcr}`) : <span title={t('fcr.none')}>{NO_VALUE}</span>}</td>
              <td>
                {call.surveyScore === null
                  ? NO_VALUE
                  : [
                      t('survey.score', { score: format.count(call.surveyScore) }),
                      call.surveyResolved === null ? null : t(call.surveyResolved ? 'survey.solved' : 'survey.notSolved'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
