import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { canOpen, landingPage, type Page } from '../lib/principal';
import { usePrincipal } from '../lib/use-session';

/** A page the role may not open (a typed or shared URL) says so instead of showing the api's 403s. */
export function PageAccess({ page, children }: { page: Page; children: ReactNode }) {
  const { t } = useTranslation('auth');
  const { role } = usePrincipal();
  if (canOpen(role, page)) return children;
  const landing = landingPage(role);
  return (
    <section className="no-access" role="alert" data-testid="no-access">
      <h1>{t('noAccess.title')}</h1>
      <p>{t('noAccess.explain', { role: t(`roles.${role}`) })}</p>
      {landing && <Link to={`/${landing}`}>{t('noAccess.goTo', { page: t(`common:pages.${landing}`) })}</Link>}
    </section>
  );
}

/** `/`: the role's first page. */
export function LandingRedirect() {
  const { role } = usePrincipal();
  const landing = landingPage(role);
  return landing ? <Navigate to={`/${landing}`} replace /> : <PageAccess page="wallboard">{null}</PageAccess>;
}
