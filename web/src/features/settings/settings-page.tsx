import { useTranslation } from 'react-i18next';
import type { SettingsSearch } from '../../routes/settings';
import { ApiError } from '../../lib/api';
import { QueuePicker } from './components/queue-picker';
import { SettingsForm } from './components/settings-form';
import { useRecentQueues, useSaveSettings, useSettings } from './hooks/use-settings';
import './settings.css';

/** Admin: the centre timezone, the defaults every queue inherits, and per-queue overrides. */
export function SettingsPage({
  search,
  onChange,
  readOnly = false,
}: {
  search: SettingsSearch;
  onChange: (next: Partial<SettingsSearch>) => void;
  /** Everyone but admins and managers: the values, without a way to change them. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation('settings');
  const { t: common } = useTranslation();
  const settings = useSettings(search.tenant);
  const recent = useRecentQueues(search.tenant);
  const save = useSaveSettings(search.tenant);
  const queue = search.queue || undefined;
  const overridden = Object.keys(settings.data?.queues ?? {}).sort();
  const failure = save.error;
  const apiProblems =
    failure instanceof ApiError && failure.parameters.length > 0
      ? failure.parameters
      : failure
        ? [{ name: '', message: failure.message }]
        : [];
  const pick = (next: string | undefined) => {
    save.reset();
    onChange({ queue: next });
  };

  return (
    <section className="settings-page" data-testid="settings-page">
      <h1>{t('title')}</h1>
      {settings.error && <p role="alert">{common('error', { message: settings.error.message })}</p>}
      {settings.isPending && <p>{common('loading')}</p>}
      {settings.data && (
        <>
          <div className="panel">
            <QueuePicker queue={queue} overridden={overridden} recent={recent.data ?? []} onChange={pick} />
            {queue && overridden.includes(queue) && (
              <p className="settings-overrides">
                {t('queue.hasOverrides', { queue })}{' '}
                <button type="button" disabled={save.isPending || readOnly} onClick={() => save.mutate({ queues: { [queue]: null } })}>
                  {t('queue.removeOverrides')}
                </button>
              </p>
            )}
            {queue && !overridden.includes(queue) && <p className="settings-help">{t('queue.noOverrides', { queue })}</p>}
          </div>
          <div className="panel">
            <SettingsForm
              key={`${search.tenant}/${queue ?? ''}/${settings.dataUpdatedAt}`}
              settings={settings.data}
              queue={queue}
              saving={save.isPending}
              apiProblems={apiProblems}
              status={save.isSuccess ? 'saved' : save.isError ? 'failed' : undefined}
              onSave={(update) => save.mutate(update)}
              readOnly={readOnly}
            />
          </div>
        </>
      )}
    </section>
  );
}
