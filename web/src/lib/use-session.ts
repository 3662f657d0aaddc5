import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Principal } from './principal';
import { session, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}

/** Set by the SessionGate once it knows who is signed in. */
export const PrincipalContext = createContext<Principal | undefined>(undefined);

export function usePrincipal(): Principal {
  const principal = useContext(PrincipalContext);
  if (!principal) throw new Error('usePrincipal() outside the SessionGate');
  return principal;
}
