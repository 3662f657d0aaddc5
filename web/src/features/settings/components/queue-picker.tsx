import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Defaults or one queue: queues with overrides first, then those that took calls lately, or any name typed in. */
export function QueuePicker(props: {
  queue?: string;
  overridden: readonly string[];
  recent: readonly string[];
  onChange: (queue: string | undefined) => void;
}) {
  const { t } = useTranslation('settings');
  const [typed, setTyped] = useState('');
  const others = props.recent.filter((queue) => !props.overridden.includes(queue));
  const listed = [...props.overridden, ...others];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) props.onChange(typed.trim());
    setTyped('');
  };
  return (
    <div className="controls queue-picker">
      <label>
        {t('picker.label')}
        <select value={props.queue ?? ''} onChange={(event) => props.onChange(event.target.value || undefined)}>
          <option value="">{t('picker.defaults')}</option>
          {props.queue && !listed.includes(props.queue) && <option value={props.queue}>{props.queue}</option>}
          {props.overridden.length > 0 && (
            <optgroup label={t('picker.overridden')}>
              {props.overridden.map((queue) => (
                <option key={queue} value={queue}>
                  {queue}
                </option>
              ))}
            </optgroup>
          )}
          {others.length > 0 && (
            <optgroup label={t('picker.recent')}>
              {others.map((queue) => (
                <option key={queue} value={queue}>
                  {queue}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <form onSubmit={submit} className="queue-picker-other">
        <label>
          {t('picker.other')}
          <input type="text" value={typed} maxLength={128} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <button type="submit">{t('picker.open')}</button>
      </form>
    </div>
  );
}
