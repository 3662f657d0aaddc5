import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@callboard/api';
import { fieldOfParameter, formValues, NUMBER_FIELDS, settingsUpdate, type FieldProblem, type SettingsUpdate } from '../settings-values';
import { FieldProblems, problemsOf, type ProblemsByField } from './field-problems';
import { ThresholdFields } from './threshold-fields';
import { TimezoneField } from './timezone-field';

interface Props {
  settings: Settings;
  /** The queue whose overrides are edited; none: the defaults. */
  queue?: string;
  saving: boolean;
  /** The api's 400 `parameters` for the last save. */
  apiProblems: ReadonlyArray<{ name: string; message: string }>;
  status?: 'saved' | 'failed';
  onSave: (update: SettingsUpdate) => void;
  /** The role may read the settings but not change them (only admins and managers may). */
  readOnly?: boolean;
}

/** The centre timezone and one scope's settings (defaults, or a queue's); saves only what changed. */
export function SettingsForm({ settings, queue, saving, apiProblems, status, onSave, readOnly = false }: Props) {
  const { t } = useTranslation('settings');
  const id = useId();
  const original = useMemo(() => formValues(settings, queue), [settings, queue]);
  const defaults = useMemo(() => (queue ? formValues(settings) : undefined), [settings, queue]);
  const [values, setValues] = useState(original);
  const [formProblems, setFormProblems] = useState<FieldProblem[]>([]);
  const [unchanged, setUnchanged] = useState(false);

  const problems: ProblemsByField = useMemo(() => {
    const byField = new Map<string, Array<{ message?: string; code?: string }>>();
    const add = (field: string, problem: { message?: string; code?: string }) =>
      byField.set(field, [...(byField.get(field) ?? []), problem]);
    for (const problem of formProblems) add(problem.field, { code: problem.code });
    for (const problem of apiProblems) {
      const field = fieldOfParameter(problem.name, queue);
      add(field ?? '', { message: field || !problem.name ? problem.message : `${problem.name}: ${problem.message}` });
    }
    return byField;
  }, [formProblems, apiProblems, queue]);
  const general = problems.get('') ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = settingsUpdate(original, values, queue);
    setFormProblems(result.problems);
    setUnchanged(result.problems.length === 0 && !result.update);
    if (result.update) onSave(result.update);
  };

  return (
    <form className="settings-form" data-testid="settings-form" onSubmit={submit} noValidate>
      <fieldset className="settings-section">
        <legend>{t('centre.legend')}</legend>
        <TimezoneField
          value={values.timezone}
          onChange={(timezone) => setValues({ ...values, timezone })}
          problems={problemsOf(problems, 'timezone')}
          disabled={readOnly}
        />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{queue ? t('queue.legend', { queue }) : t('defaults.legend')}</legend>
        <p className="settings-help">{queue ? t('queue.explain') : t('defaults.explain')}</p>
        {NUMBER_FIELDS.map(({ name, unit }) => {
          const fieldProblems = problemsOf(problems, name);
          return (
            <div className="settings-field" key={name}>
              <label htmlFor={`${id}-${name}`}>{t(`fields.${name}.label`)}</label>
              <span className="settings-value">
                <input
                  id={`${id}-${name}`}
                  type="number"
                  step="any"
                  value={values[name]}
                  disabled={readOnly}
                  aria-invalid={fieldProblems.length > 0}
                  aria-describedby={`${id}-${name}-help ${id}-${name}-problem`}
                  onChange={(event) => setValues({ ...values, [name]: event.target.value })}
                />
                <span className="settings-unit">{t(`units.${unit}`)}</span>
                {defaults && defaults[name] !== values[name] && (
                  <span className="settings-default">{t('queue.defaultValue', { value: defaults[name] })}</span>
                )}
              </span>
              <span className="settings-help" id={`${id}-${name}-help`}>
                {t(`fields.${name}.help`)}
              </span>
              <FieldProblems id={`${id}-${name}-problem`} problems={fieldProblems} />
            </div>
          );
        })}
        <div className="settings-field">
          <label className="settings-checkbox">
            <input
              type="checkbox"
              checked={values.fcrSameCategoryOnly}
              disabled={readOnly}
              aria-describedby={`${id}-same-category-problem`}
              onChange={(event) => setValues({ ...values, fcrSameCategoryOnly: event.target.checked })}
            />
            {t('fields.fcrSameCategoryOnly.label')}
          </label>
          <span className="settings-help">{t('fields.fcrSameCategoryOnly.help')}</span>
          <FieldProblems id={`${id}-same-category-problem`} problems={problemsOf(problems, 'fcrSameCategoryOnly')} />
        </div>
      </fieldset>

      <ThresholdFields
        values={values.thresholds}
        defaults={defaults?.thresholds}
        problems={problems}
        disabled={readOnly}
        onChange={(metric, band) => setValues({ ...values, thresholds: { ...values.thresholds, [metric]: band } })}
      />

      <div className="settings-actions" aria-live="polite">
        <button
          type="submit"
          data-testid="settings-save"
          disabled={saving || readOnly}
          aria-describedby={readOnly ? `${id}-read-only` : undefined}
        >
          {saving ? t('saving') : t('save')}
        </button>
        {readOnly && (
          <span id={`${id}-read-only`} className="settings-help" data-testid="settings-read-only">
            {t('readOnly')}
          </span>
        )}
        {(formProblems.length > 0 || apiProblems.length > 0 || status === 'failed') && (
          <span role="alert" className="field-problem">
            {t('notSaved')}
            {general.length > 0 && ` ${general.map((problem) => problem.message).join(' · ')}`}
          </span>
        )}
        {status === 'saved' && formProblems.length === 0 && <span className="settings-saved">{t('saved')}</span>}
        {unchanged && <span>{t('unchanged')}</span>}
      </div>
    </form>
  );
}
