import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useSearchParams } from 'react-router';
import { LanguageSwitch } from './language-switch';

const PAGES = ['wallboard', 'compare', 'trends', 'scorecard', 'calls', 'settings'] as const;

/** Navigation and the language switch; a kiosk wallboard (?kiosk=1) shows neither. */
export function Layout() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const kiosk = search.get('kiosk') === '1';
  if (kiosk) {
    return (
      <main className="kiosk">
        <Outlet />
      </main>
    );
  }
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('navigation')}>
          {PAGES.map((page) => (
            <NavLink key={page} to={`/${page}`} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
              {t(`pages.${page}`)}
            </NavLink>
          ))}
        </nav>
        <LanguageSwitch />
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
