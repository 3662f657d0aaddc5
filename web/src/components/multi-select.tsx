import './filters.css';

export interface Option {
  value: string;
  label: string;
}

/** A keyboard-friendly multi-select: a disclosure of checkboxes; none chosen means all. */
export function MultiSelect(props: {
  label: string;
  allLabel: string;
  options: Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  testId?: string;
}) {
  const { options, selected, onChange } = props;
  const chosen = new Set(selected);
  // Keep chosen values that the period has no figures for, so a shared URL never loses a filter silently.
  const shown = [
    ...options,
    ...selected.filter((value) => !options.some((option) => option.value === value)).map((value) => ({ value, label: value })),
  ];
  const summary =
    selected.length === 0
      ? props.allLabel
      : shown
          .filter((option) => chosen.has(option.value))
          .map((option) => option.label)
          .join(', ');
  return (
    <details className="multi-select" data-testid={props.testId}>
      <summary>
        <span className="multi-select-label">{props.label}</span>
        <span className="multi-select-summary">{summary}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{props.label}</legend>
        {shown.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={chosen.has(option.value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
