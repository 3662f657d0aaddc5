import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { KioskTokenRejected } from '../features/auth/kiosk-token-rejected';
import { loginPath } from '../features/auth/next-path';
import { session } from '../lib/session';
import { PrincipalContext, useSession } from '../lib/use-session';

/**
 * Pages behind a sign-in: without a session, to /login?next=<here>; a TV whose token was refused
 * gets a full-screen message instead (a redirect would only loop: it has no one to sign in).
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useSession();
  const location = useLocation();
  const [problem, setProblem] = useState<string>();
  const principal = state.kind === 'none' ? undefined : state.principal;
  const rejected = state.kind === 'kiosk' && state.rejected;
  const resuming = state.kind !== 'none' && !principal && !rejected;

  useEffect(() => {
    if (!resuming) return;
    setProblem(undefined);
    session.resume().catch((error: Error) => setProblem(error.message));
  }, [resuming]);

  if (state.kind === 'none') {
    return <Navigate to={state.ended === 'signedOut' ? '/login' : loginPath(location.pathname + location.search)} replace />;
  }
  if (rejected) return <KioskTokenRejected />;
  if (!principal) return <p role={problem ? 'alert' : undefined}>{problem ? t('error', { message: problem }) : t('loading')}</p>;
  const ownTenant = tenantToShow(principal.tenant, location.search);
  if (ownTenant) {
    // Pages default to the tenant 'default'; someone bound to another centre means their own.
    const search = new URLSearchParams(location.search);
    search.set('tenant', ownTenant);
    return <Navigate to={`${location.pathname}?${search.toString()}${location.hash}`} replace />;
  }
  return <PrincipalContext.Provider value={principal}>{children}</PrincipalContext.Provider>;
}

/** The caller's own tenant when the address names none and theirs is not the default ('*': every tenant, the bootstrap token's). */
function tenantToShow(principalTenant: string, search: string): string | undefined {
  if (principalTenant === '*' || principalTenant === 'default') return undefined;
  return new URLSearchParams(search).has('tenant') ? undefined : principalTenant;
}
