import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { usePrincipal } from '../../../lib/use-session';
import type { User } from '../admin-types';
import { useUpdateUser, useUsers } from '../hooks/use-admin';
import { MutationProblem } from './mutation-problem';
import { MIN_PASSWORD_LENGTH, UserForm } from './user-form';

/** Everyone who can sign in: create, disable or enable, and set a new password. */
export function UsersPanel({ timezone }: { timezone: string }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const users = useUsers();
  return (
    <section className="admin-section" aria-labelledby="admin-users-title" data-testid="admin-users">
      <h2 id="admin-users-title" className="visually-hidden">
        {t('users.title')}
      </h2>
      <UserForm />
      {users.error && <p role="alert">{common('error', { message: users.error.message })}</p>}
      {users.isPending && <p>{common('loading')}</p>}
      {users.data && (
        <table className="data admin-table">
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.queues')}</th>
              <th scope="col">{t('users.teams')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('createdAt')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <UserRow key={user.id} user={user} timezone={timezone} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UserRow({ user, timezone }: { user: User; timezone: string }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const principal = usePrincipal();
  const update = useUpdateUser();
  const [resetting, setResetting] = useState(false);
  const [passwordChanged, setPasswordChanged] = useState(false);
  const self = principal.kind === 'user' && principal.id === user.id;
  return (
    <tr data-testid={`user-${user.username}`} className={user.disabled ? 'admin-row-off' : undefined}>
      <th scope="row">{user.username}</th>
      <td>{user.displayName}</td>
      <td>{t(`auth:roles.${user.role}`)}</td>
      <td>{user.queues.length > 0 ? user.queues.join(', ') : t('all')}</td>
      <td>{user.teams.length > 0 ? user.teams.join(', ') : t('all')}</td>
      <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
      <td>{format.dateTime(user.createdAt, timezone)}</td>
      <td className="admin-row-actions">
        <button
          type="button"
          disabled={update.isPending || self}
          title={self ? t('users.notYourself') : undefined}
          onClick={() => update.mutate({ id: user.id, change: { disabled: !user.disabled } })}
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>
        {!resetting && (
          <button
            type="button"
            onClick={() => {
              setResetting(true);
              setPasswordChanged(false);
            }}
          >
            {t('users.resetPassword')}
          </button>
        )}
        {resetting && (
          <PasswordReset
            username={user.username}
            saving={update.isPending}
            onCancel={() => setResetting(false)}
            onSave={(password) =>
              update.mutate(
                { id: user.id, change: { password } },
                {
                  onSuccess: () => {
                    setResetting(false);
                    setPasswordChanged(true);
                  },
                },
              )
            }
          />
        )}
        {passwordChanged && <span className="admin-done">{t('users.passwordChanged')}</span>}
        <MutationProblem error={update.error} />
      </td>
    </tr>
  );
}

function PasswordReset(props: { username: string; saving: boolean; onSave: (password: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave(password);
  };
  return (
    <form className="admin-inline-form" onSubmit={submit}>
      <label htmlFor={`${id}-password`}>{t('users.newPasswordFor', { username: props.username })}</label>
      <input
        id={`${id}-password`}
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" disabled={props.saving}>
        {t('users.setPassword')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
