import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_ROLES } from '../../../lib/principal';
import type { User } from '../admin-types';
import { useCreateUser } from '../hooks/use-admin';
import { parseNames } from '../names';
import { MutationProblem } from './mutation-problem';

export const MIN_PASSWORD_LENGTH = 10;

const EMPTY = { username: '', displayName: '', password: '', role: 'supervisor' as User['role'], queues: '', teams: '' };

/** A new person: a role, and for a supervisor the queues and teams they look after. */
export function UserForm() {
  const { t } = useTranslation('admin');
  const id = useId();
  const create = useCreateUser();
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<string>();
  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    create.mutate(
      {
        username: values.username.trim(),
        password: values.password,
        ...(values.displayName.trim() ? { displayName: values.displayName.trim() } : {}),
        role: values.role,
        queues: parseNames(values.queues),
        teams: parseNames(values.teams),
      },
      {
        onSuccess: (user) => {
          setCreated(user.username);
          setValues(EMPTY);
        },
      },
    );
  };

  return (
    <form className="admin-form" onSubmit={submit} data-testid="user-form">
      <h3>{t('users.create')}</h3>
      <div className="admin-fields">
        <label htmlFor={`${id}-username`}>{t('users.username')}</label>
        <input id={`${id}-username`} required autoComplete="off" value={values.username} onChange={set('username')} />
        <label htmlFor={`${id}-name`}>{t('users.displayName')}</label>
        <input id={`${id}-name`} autoComplete="off" value={values.displayName} onChange={set('displayName')} />
        <label htmlFor={`${id}-password`}>{t('users.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          aria-describedby={`${id}-password-help`}
          value={values.password}
          onChange={set('password')}
        />
        <span id={`${id}-password-help`} className="admin-help">
          {t('users.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
        </span>
        <label htmlFor={`${id}-role`}>{t('users.role')}</label>
        <select id={`${id}-role`} value={values.role} onChange={set('role')}>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`auth:roles.${role}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-queues`}>{t('users.queues')}</label>
        <input id={`${id}-queues`} value={values.queues} onChange={set('queues')} aria-describedby={`${id}-scope-help`} />
        <label htmlFor={`${id}-teams`}>{t('users.teams')}</label>
        <input id={`${id}-teams`} value={values.teams} onChange={set('teams')} aria-describedby={`${id}-scope-help`} />
        <span id={`${id}-scope-help`} className="admin-help">
          {t('scopeHelp')}
        </span>
      </div>
      <div className="admin-actions" aria-live="polite">
        <button type="submit" disabled={create.isPending}>
          {t('users.submit')}
        </button>
        {created && <span className="admin-done">{t('users.created', { username: created })}</span>}
      </div>
      <MutationProblem error={create.error} />
    </form>
  );
}
