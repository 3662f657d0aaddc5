import type { ReactNode } from 'react';
import { isLocalDate, type LocalDate } from '../lib/local-dates';
import './filters.css';

export interface QuickRange {
  id: string;
  label: string;
  from: LocalDate;
  to: LocalDate;
}

/** From/to local dates (the end inclusive) with quick picks; strings come translated from the page. */
export function DateRange(props: {
  legend: ReactNode;
  fromLabel: string;
  toLabel: string;
  from: LocalDate | undefined;
  to: LocalDate | undefined;
  quickRanges?: QuickRange[];
  onChange: (range: { from: LocalDate; to: LocalDate }) => void;
  testId?: string;
}) {
  const { from, to, quickRanges = [], onChange } = props;
  const set = (next: { from?: string; to?: string }) => {
    const nextFrom = next.from ?? from;
    const nextTo = next.to ?? to;
    if (!isLocalDate(nextFrom) || !isLocalDate(nextTo)) return;
    onChange(nextFrom <= nextTo ? { from: nextFrom, to: nextTo } : { from: nextTo, to: nextFrom });
  };
  return (
    <fieldset className="date-range" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {quickRanges.length > 0 && (
        <div className="quick-ranges">
          {quickRanges.map((range) => (
            <button
              key={range.id}
              type="button"
              aria-pressed={range.from === from && range.to === to}
              onClick={() => onChange({ from: range.from, to: range.to })}
              data-testid={`quick-${range.id}`}
            >
              {range.label}
            </button>
          ))}
        </div>
      )}
      <label>
        {props.fromLabel}
        <input type="date" value={from ?? ''} max={to} onChange={(event) => set({ from: event.target.value })} />
      </label>
      <label>
        {props.toLabel}
        <input type="date" value={to ?? ''} min={from} onChange={(event) => set({ to: event.target.value })} />
      </label>
    </fieldset>
  );
}
