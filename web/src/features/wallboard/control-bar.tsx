import { useTranslation } from 'react-i18next';
import type { WallboardSearch } from '../../routes/wallboard';

const COLUMN_CHOICES = [1, 2, 3, 4, 5, 6] as const;
const AGENT_DISPLAYS = ['grid', 'counts', 'hidden'] as const;

interface ControlBarProps {
  search: WallboardSearch;
  onChange: (next: Partial<WallboardSearch>) => void;
  /** Every queue that can be picked: those in the live payload and those already chosen. */
  queues: readonly string[];
  kioskUrl: string;
}

/** Queue, layout and agent choices; each one goes to the URL, so the TV view can be bookmarked. */
export function ControlBar({ search, onChange, queues, kioskUrl }: ControlBarProps) {
  const { t } = useTranslation('wallboard');
  const toggleQueue = (queue: string, checked: boolean) =>
    onChange({ queues: checked ? [...search.queues, queue] : search.queues.filter((chosen) => chosen !== queue) });
  return (
    <div className="controls wallboard-controls" data-testid="wallboard-controls">
      <fieldset className="wallboard-queue-picker">
        <legend>{t('controls.queues')}</legend>
        {queues.length === 0 && <span className="wallboard-muted">{t('controls.noQueues')}</span>}
        {queues.map((queue) => (
          <label key={queue} className="wallboard-queue-option">
            <input type="checkbox" checked={search.queues.includes(queue)} onChange={(event) => toggleQueue(queue, event.target.checked)} />
            {queue}
          </label>
        ))}
        <button type="button" onClick={() => onChange({ queues: [] })} disabled={search.queues.length === 0}>
          {t('controls.allQueues')}
        </button>
      </fieldset>
      <label>
        {t('controls.columns')}
        <select
          value={search.columns ?? ''}
          onChange={(event) => onChange({ columns: event.target.value ? Number(event.target.value) : undefined })}
        >
          <option value="">{t('controls.columnsAuto')}</option>
          {COLUMN_CHOICES.map((columns) => (
            <option key={columns} value={columns}>
              {columns}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('controls.agents')}
        <select value={search.agents} onChange={(event) => onChange({ agents: event.target.value as WallboardSearch['agents'] })}>
          {AGENT_DISPLAYS.map((display) => (
            <option key={display} value={display}>
              {t(`controls.agentDisplay.${display}`)}
            </option>
          ))}
        </select>
      </label>
      <a className="wallboard-kiosk-link" href={kioskUrl} target="_blank" rel="noreferrer">
        {t('controls.openKiosk')}
      </a>
    </div>
  );
}

/** The same wallboard as a bookmarkable TV URL: kiosk mode, and the language on screen now. */
export function kioskUrlFor(search: WallboardSearch, language: string): string {
  const params = new URLSearchParams();
  if (search.queues.length > 0) params.set('queues', search.queues.join(','));
  if (search.columns) params.set('columns', String(search.columns));
  if (search.agents !== 'grid') params.set('agents', search.agents);
  if (search.tenant !== 'default') params.set('tenant', search.tenant);
  params.set('kiosk', '1');
  params.set('lang', language);
  return `/wallboard?${params.toString().replaceAll('%2C', ',')}`;
}
