import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { CallDetail } from '../hooks/use-calls';

type CallEvent = CallDetail['events'][number];

// Event fields worth a reader's eye, in this order; each value is translated by its field's table.
const DETAIL_FIELDS = [
  'queue',
  'agentId',
  'toQueue',
  'category',
  'channel',
  'reason',
  'endedBy',
  'wrapup',
  'disposition',
  'score',
  'resolved',
  'customer',
] as const;
const VALUE_TABLES: Partial<Record<(typeof DETAIL_FIELDS)[number], string>> = {
  category: 'categories',
  channel: 'channels',
  reason: 'flowReasons',
  endedBy: 'hungUpBy',
  disposition: 'dispositions',
  customer: 'customers',
};

function detailText(t: TFunction<'calls'>, event: CallEvent): string {
  return DETAIL_FIELDS.flatMap((field) => {
    const value = event[field];
    if (value === undefined || value === null || value === '') return [];
    const table = VALUE_TABLES[field];
    const shown =
      typeof value === 'boolean'
        ? t(value ? 'yes' : 'no')
        : field === 'score'
          ? t('survey.score', { score: String(value) })
          : table
            ? t(`${table}.${String(value)}`, { defaultValue: String(value) })
            : String(value);
    return [t('detail', { field: t(`eventFields.${field}`), value: shown })];
  }).join(' · ');
}

/** Every stored event of the call, in time order, as its type and details in words. */
export function CallEvents({ events, timezone }: { events: CallDetail['events']; timezone: string }) {
  const { t } = useTranslation('calls');
  const format = useFormat();
  return (
    <table className="data call-events" data-testid="call-timeline">
      <caption>{t('call.events')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.time')}</th>
          <th scope="col">{t('columns.event')}</th>
          <th scope="col">{t('columns.details')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => {
          const type = String(event['type']);
          return (
            <tr key={String(event['eventId'] ?? index)}>
              <td>{format.dateTime(String(event['ts']), timezone, 'time')}</td>
              <td>{t(`eventTypes.${type.replace('.', '_')}`, { defaultValue: type })}</td>
              <td>{detailText(t, event)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
