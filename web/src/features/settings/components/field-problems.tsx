import { useTranslation } from 'react-i18next';

/** Problems per form field: the api's own 400 messages, or the form's (as codes to translate). */
export type ProblemsByField = ReadonlyMap<string, ReadonlyArray<{ message?: string; code?: string }>>;

export function problemsOf(problems: ProblemsByField, field: string, nested = false) {
  return [...problems].flatMap(([name, list]) => (name === field || (nested && name.startsWith(`${field}.`)) ? list : []));
}

export function FieldProblems({ id, problems }: { id: string; problems: ReadonlyArray<{ message?: string; code?: string }> }) {
  const { t } = useTranslation('settings');
  if (problems.length === 0) return null;
  return (
    <span id={id} className="field-problem">
      {problems.map((problem) => (problem.code ? t(`problems.${problem.code}`) : problem.message)).join(' · ')}
    </span>
  );
}
