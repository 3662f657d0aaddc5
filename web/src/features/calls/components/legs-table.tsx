import { useTranslation } from 'react-i18next';
import { NO_VALUE, useFormat } from '../../../lib/format';
import type { CallDetail } from '../hooks/use-calls';
import { transferTarget } from '../leg-timeline';

/** Each queue visit with METRICS.md's per-leg figures. */
export function LegsTable({ call, timezone }: { call: CallDetail; timezone: string }) {
  const { t } = useTranslation('calls');
  const format = useFormat();
  const time = (iso: string | null) => (iso ? format.dateTime(iso, timezone, 'time') : NO_VALUE);
  return (
    <table className="data call-legs" data-testid="call-legs">
      <caption>{t('call.legs')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.queue')}</th>
          <th scope="col">{t('columns.offeredAt')}</th>
          <th scope="col">{t('columns.wait')}</th>
          <th scope="col">{t('columns.answeredBy')}</th>
          <th scope="col">{t('columns.talk')}</th>
          <th scope="col">{t('columns.hold')}</th>
          <th scope="col">{t('columns.acw')}</th>
          <th scope="col">{t('columns.handleTime')}</th>
          <th scope="col">{t('columns.ended')}</th>
          <th scope="col">{t('columns.transferTo')}</th>
        </tr>
      </thead>
      <tbody>
        {call.legs.map((leg) => (
          <tr key={leg.legId}>
            <th scope="row">{leg.queue}</th>
            <td>{time(leg.offeredAt)}</td>
            <td>{format.duration(leg.waitSeconds)}</td>
            <td>{leg.agent ?? NO_VALUE}</td>
            <td>{format.duration(leg.talkSeconds)}</td>
            <td>{format.duration(leg.holdSeconds)}</td>
            <td>{format.duration(leg.acwSeconds)}</td>
            <td>{format.duration(leg.handleSeconds)}</td>
            <td>
              {leg.endedBy ? t(`endedBy.${leg.endedBy}`) : t(`outcomes.${leg.outcome}`)}
              {leg.outcomeAt && !leg.endedBy && ` ${time(leg.outcomeAt)}`}
              {leg.disposition && ` · ${t(`dispositions.${leg.disposition}`, { defaultValue: leg.disposition })}`}
            </td>
            <td>{transferTarget(leg, call.events) ?? NO_VALUE}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
