import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { AUDIT_ACTIONS } from '../admin-types';
import { detailsText, subjectText } from '../audit-text';
import { useAudit } from '../hooks/use-admin';

const KNOWN_ACTIONS: readonly string[] = AUDIT_ACTIONS;

/** Logins, tokens, users and settings changes, newest first. */
export function AuditPanel({ timezone }: { timezone: string }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const format = useFormat();
  const audit = useAudit();
  return (
    <section className="admin-section" aria-labelledby="admin-audit-title" data-testid="admin-audit">
      <h2 id="admin-audit-title" className="visually-hidden">
        {t('audit.title')}
      </h2>
      <div className="admin-actions">
        <button type="button" onClick={() => void audit.refetch()} disabled={audit.isFetching}>
          {t('audit.reload')}
        </button>
      </div>
      {audit.error && <p role="alert">{common('error', { message: audit.error.message })}</p>}
      {audit.isPending && <p>{common('loading')}</p>}
      {audit.data && audit.data.length === 0 && <p>{t('audit.empty')}</p>}
      {audit.data && audit.data.length > 0 && (
        <table className="data admin-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.outcome')}</th>
              <th scope="col">{t('audit.ip')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} data-testid="audit-entry" data-action={entry.action}>
                <td>
                  <time dateTime={entry.at}>{format.dateTime(entry.at, timezone, 'time')}</time>{' '}
                  <span className="admin-muted">{format.dateTime(entry.at, timezone, 'date')}</span>
                </td>
                <td>{subjectText(entry.actor, t)}</td>
                <td>{KNOWN_ACTIONS.includes(entry.action) ? t(`audit.actions.${entry.action}`) : entry.action}</td>
                <td>{entry.target ? subjectText(entry.target, t) : ''}</td>
                <td>{t(`audit.outcomes.${entry.outcome}`)}</td>
                <td>{entry.ip}</td>
                <td className="admin-details">{detailsText(entry.details, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
