import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { ApiToken, CreatedApiToken } from '../admin-types';
import { subjectText } from '../audit-text';
import { useRevokeToken, useTokens } from '../hooks/use-admin';
import { MutationProblem } from './mutation-problem';
import { TokenForm } from './token-form';
import { TokenSecret } from './token-secret';

/** API tokens for TVs and event sources: create (the secret shown once), see when each was last used, revoke. */
export function TokensPanel({ timezone }: { timezone: string }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const tokens = useTokens();
  const [created, setCreated] = useState<CreatedApiToken>();
  return (
    <section className="admin-section" aria-labelledby="admin-tokens-title" data-testid="admin-tokens">
      <h2 id="admin-tokens-title" className="visually-hidden">
        {t('tokens.title')}
      </h2>
      {created ? <TokenSecret token={created} onDone={() => setCreated(undefined)} /> : <TokenForm onCreated={setCreated} />}
      {tokens.error && <p role="alert">{common('error', { message: tokens.error.message })}</p>}
      {tokens.isPending && <p>{common('loading')}</p>}
      {tokens.data && (
        <table className="data admin-table">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.role')}</th>
              <th scope="col">{t('tokens.queues')}</th>
              <th scope="col">{t('createdAt')}</th>
              <th scope="col">{t('tokens.createdBy')}</th>
              <th scope="col">{t('tokens.status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <TokenRow key={token.id} token={token} timezone={timezone} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TokenRow({ token, timezone }: { token: ApiToken; timezone: string }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid={`token-${token.name}`} className={token.revokedAt ? 'admin-row-off' : undefined}>
      <th scope="row">{token.name}</th>
      <td>{t(`auth:roles.${token.role}`)}</td>
      <td>{token.queues.length > 0 ? token.queues.join(', ') : t('all')}</td>
      <td>{format.dateTime(token.createdAt, timezone)}</td>
      <td>{subjectText(token.createdBy, t)}</td>
      <td>{token.revokedAt ? t('tokens.revokedAt', { at: format.dateTime(token.revokedAt, timezone) }) : t('tokens.active')}</td>
      <td className="admin-row-actions">
        {!token.revokedAt && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('tokens.revoke')}
          </button>
        )}
        {!token.revokedAt && confirming && (
          <>
            <button type="button" className="admin-danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
              {t('tokens.confirmRevoke', { name: token.name })}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </>
        )}
        <MutationProblem error={revoke.error} />
      </td>
    </tr>
  );
}
