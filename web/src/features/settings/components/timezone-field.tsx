import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldProblems } from './field-problems';

const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Urumqi',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'UTC',
];
const OTHER = '';

/** A common IANA zone from the list, or any other typed in (the api says whether it exists). */
export function TimezoneField(props: {
  value: string;
  onChange: (zone: string) => void;
  problems: ReadonlyArray<{ message?: string; code?: string }>;
  disabled?: boolean;
}) {
  const { t } = useTranslation('settings');
  const id = useId();
  const common = COMMON_ZONES.includes(props.value);
  return (
    <div className="settings-field">
      <label htmlFor={`${id}-select`}>{t('fields.timezone.label')}</label>
      <div className="timezone-inputs">
        <select
          id={`${id}-select`}
          value={common ? props.value : OTHER}
          disabled={props.disabled}
          aria-invalid={props.problems.length > 0}
          aria-describedby={`${id}-problem`}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {COMMON_ZONES.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
          <option value={OTHER}>{t('fields.timezone.other')}</option>
        </select>
        {!common && (
          <input
            type="text"
            aria-label={t('fields.timezone.otherLabel')}
            placeholder="Area/City"
            value={props.value}
            disabled={props.disabled}
            aria-invalid={props.problems.length > 0}
            aria-describedby={`${id}-problem`}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )}
      </div>
      <span className="settings-help">{t('fields.timezone.help')}</span>
      <FieldProblems id={`${id}-problem`} problems={props.problems} />
    </div>
  );
}
