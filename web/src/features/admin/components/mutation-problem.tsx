import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';

/** What the api said was wrong: its message, and each parameter's. */
export function MutationProblem({ error }: { error: Error | null }) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  const details = error instanceof ApiError && error.parameters.length > 0 ? error.parameters.map((p) => `${p.name}: ${p.message}`) : [];
  return (
    <p role="alert" className="admin-problem">
      {t('failed', { message: error.message })}
      {details.length > 0 && ` (${details.join('; ')})`}
    </p>
  );
}
