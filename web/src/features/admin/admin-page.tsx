import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCentreTimezone } from '../../lib/centre-timezone';
import { ADMIN_TABS, type AdminSearch, type AdminTab } from '../../routes/admin';
import { AuditPanel } from './components/audit-panel';
import { TokensPanel } from './components/tokens-panel';
import { UsersPanel } from './components/users-panel';
import './admin.css';

/** Admins: who can sign in, the tokens of TVs and event sources, and the audit log. */
export function AdminPage({ search }: { search: AdminSearch }) {
  const { t } = useTranslation('admin');
  // Times in the centre's timezone, like every other page; the browser's own until it is known.
  const { timezone = Intl.DateTimeFormat().resolvedOptions().timeZone } = useCentreTimezone();
  const href = (tab: AdminTab) => `/admin?tab=${tab}`;
  return (
    <section className="admin-page" data-testid="admin-page">
      <h1>{t('title')}</h1>
      <nav className="admin-tabs" aria-label={t('sections')}>
        {ADMIN_TABS.map((tab) => (
          <Link key={tab} to={href(tab)} aria-current={search.tab === tab ? 'page' : undefined} className="admin-tab">
            {t(`${tab}.title`)}
          </Link>
        ))}
      </nav>
      {search.tab === 'users' && <UsersPanel timezone={timezone} />}
      {search.tab === 'tokens' && <TokensPanel timezone={timezone} />}
      {search.tab === 'audit' && <AuditPanel timezone={timezone} />}
    </section>
  );
}
