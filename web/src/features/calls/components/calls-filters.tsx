import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallsSearch } from '../../../routes/calls';
import { CATEGORIES, FCR_STATUSES, LEG_OUTCOMES, splitList } from '../call-options';
import { instantOfWallTime, wallTime } from '../centre-time';

interface Props {
  search: CallsSearch;
  period: { from: string; to: string };
  timezone: string;
  onChange: (next: Partial<CallsSearch>) => void;
}

/** The period (wall time in the centre's timezone) and filters; applied to the URL on submit. */
export function CallsFilters({ search, period, timezone, onChange }: Props) {
  const { t } = useTranslation('calls');
  const initialFrom = wallTime(period.from, timezone);
  const initialTo = wallTime(period.to, timezone);
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [queue, setQueue] = useState(search.queue.join(', '));
  const [team, setTeam] = useState(search.team.join(', '));
  const [agent, setAgent] = useState(search.agent.join(', '));
  const [category, setCategory] = useState(search.category);
  const [outcome, setOutcome] = useState(search.outcome);
  const [fcr, setFcr] = useState(search.fcr);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An untouched default period stays out of the URL, so a bookmark keeps meaning "today".
    const periodChanged = search.from !== undefined || search.to !== undefined || from !== initialFrom || to !== initialTo;
    onChange({
      from: periodChanged ? instantOfWallTime(from, timezone) : undefined,
      to: periodChanged ? instantOfWallTime(to, timezone) : undefined,
      queue: splitList(queue),
      team: splitList(team),
      agent: splitList(agent),
      category,
      outcome,
      fcr,
    });
  };
  const reset = () => onChange({ from: undefined, to: undefined, queue: [], team: [], agent: [], category: [], outcome: [], fcr: [] });
  const categories = [...CATEGORIES, ...search.category.filter((item) => !(CATEGORIES as readonly string[]).includes(item))];

  return (
    <form className="calls-filters panel" onSubmit={submit} aria-label={t('filters.legend')}>
      <div className="controls">
        <label>
          {t('filters.from', { timezone })}
          <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} required />
        </label>
        <label>
          {t('filters.to', { timezone })}
          <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} required />
        </label>
        <ListInput label={t('filters.queue')} hint={t('filters.listHint')} value={queue} onChange={setQueue} />
        <ListInput label={t('filters.team')} hint={t('filters.listHint')} value={team} onChange={setTeam} />
        <ListInput label={t('filters.agent')} hint={t('filters.listHint')} value={agent} onChange={setAgent} />
      </div>
      <CheckboxGroup
        legend={t('filters.category')}
        options={categories}
        labelOf={(value) => t(`categories.${value}`, { defaultValue: value })}
        checked={category}
        onChange={setCategory}
      />
      <CheckboxGroup
        legend={t('filters.outcome')}
        options={LEG_OUTCOMES}
        labelOf={(value) => t(`outcomes.${value}`)}
        checked={outcome}
        onChange={setOutcome}
      />
      <CheckboxGroup
        legend={t('filters.fcr')}
        options={FCR_STATUSES}
        labelOf={(value) => t(`fcr.${value}`)}
        checked={fcr}
        onChange={setFcr}
      />
      <div className="calls-filters-actions">
        <button type="submit">{t('filters.apply')}</button>
        <button type="button" onClick={reset}>
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}

function ListInput({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {label}
      <input type="text" value={value} placeholder={hint} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

function CheckboxGroup<T extends string>(props: {
  legend: string;
  options: readonly T[];
  labelOf: (value: T) => string;
  checked: readonly string[];
  onChange: (values: T[]) => void;
}) {
  const toggle = (value: T, on: boolean) =>
    props.onChange(props.options.filter((option) => (option === value ? on : props.checked.includes(option))));
  return (
    <fieldset className="checkbox-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option}>
          <input type="checkbox" checked={props.checked.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
          {props.labelOf(option)}
        </label>
      ))}
    </fieldset>
  );
}
