import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_ROLES } from '../../../lib/principal';
import type { ApiToken, CreatedApiToken } from '../admin-types';
import { useCreateToken } from '../hooks/use-admin';
import { parseNames } from '../names';
import { MutationProblem } from './mutation-problem';

/** A token for a TV (wallboard) or an event source (intake), limited to some queues or none. */
export function TokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiToken['role']>('wallboard');
  const [queues, setQueues] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), role, queues: parseNames(queues) },
      {
        onSuccess: (token) => {
          setName('');
          setQueues('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <form className="admin-form" onSubmit={submit} data-testid="token-form">
      <h3>{t('tokens.create')}</h3>
      <div className="admin-fields">
        <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
        <input id={`${id}-name`} required autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={`${id}-role`}>{t('tokens.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as ApiToken['role'])}>
          {TOKEN_ROLES.map((tokenRole) => (
            <option key={tokenRole} value={tokenRole}>
              {t(`auth:roles.${tokenRole}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-queues`}>{t('tokens.queues')}</label>
        <input id={`${id}-queues`} value={queues} onChange={(event) => setQueues(event.target.value)} aria-describedby={`${id}-help`} />
        <span id={`${id}-help`} className="admin-help">
          {t('scopeHelp')}
        </span>
      </div>
      <div className="admin-actions">
        <button type="submit" disabled={create.isPending}>
          {t('tokens.submit')}
        </button>
      </div>
      <MutationProblem error={create.error} />
    </form>
  );
}
