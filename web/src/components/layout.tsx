import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate, useSearchParams } from 'react-router';
import { canOpen, PAGES } from '../lib/principal';
import { session } from '../lib/session';
import { usePrincipal } from '../lib/use-session';
import { LanguageSwitch } from './language-switch';

/** Navigation (only the pages the role may open), who is signed in, the language switch; a kiosk wallboard (?kiosk=1) shows none of it. */
export function Layout() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const principal = usePrincipal();
  const client = useQueryClient();
  const navigate = useNavigate();
  const kiosk = search.get('kiosk') === '1';
  if (kiosk) {
    return (
      <main className="kiosk">
        <Outlet />
      </main>
    );
  }
  const signOut = async () => {
    await session.signOut();
    client.clear();
    void navigate('/login', { replace: true });
  };
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('navigation')}>
          {PAGES.filter((page) => canOpen(principal.role, page)).map((page) => (
            <NavLink key={page} to={`/${page}`} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
              {t(`pages.${page}`)}
            </NavLink>
          ))}
        </nav>
        <LanguageSwitch />
        <span className="signed-in" data-testid="signed-in">
          <span className="signed-in-name">{principal.name}</span>
          <span className="signed-in-role">{t(`auth:roles.${principal.role}`)}</span>
        </span>
        <button type="button" className="sign-out" onClick={() => void signOut()} data-testid="sign-out">
          {t('auth:signOut')}
        </button>
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
