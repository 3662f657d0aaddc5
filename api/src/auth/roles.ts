/** Who may do what (api/README.md "Access control" has the whole table). */
export const USER_ROLES = ['admin', 'manager', 'supervisor', 'qa'] as const;
/** Roles only API tokens carry: a TV showing chosen queues, and a system sending events. */
export const TOKEN_ROLES = ['wallboard', 'intake'] as const;
export const ROLES = [...USER_ROLES, ...TOKEN_ROLES] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type TokenRole = (typeof TOKEN_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** Everyone who reads figures: the roles of the metrics, comparison, trend and call endpoints. */
export const ANALYSTS: readonly Role[] = ['admin', 'manager', 'supervisor', 'qa'];
/** Everyone who may watch live figures and alerts. */
export const WATCHERS: readonly Role[] = [...ANALYSTS, 'wallboard'];
/** Who may change what the figures mean (targets, thresholds, timezone). */
export const SETTINGS_EDITORS: readonly Role[] = ['admin', 'manager'];
/** Who may send events. */
export const EVENT_SENDERS: readonly Role[] = ['admin', 'intake'];
export const ADMINS: readonly Role[] = ['admin'];

/** Every tenant: the bootstrap token's reach. */
export const ALL_TENANTS = '*';

/** The caller of a request or a socket, once its bearer token checked out. */
export interface Principal {
  kind: 'user' | 'token' | 'bootstrap';
  id: string;
  name: string;
  role: Role;
  /** The tenant it may see, or ALL_TENANTS. */
  tenant: string;
  /** The queues it is limited to; null: every queue. */
  queues: string[] | null;
  /** The teams it is limited to; null: every team. */
  teams: string[] | null;
  /** When its credential stops being valid (epoch ms): sockets are closed then. */
  expiresAt?: number;
  /** The session a user's access token belongs to. */
  sessionId?: string;
}

/**
 * A supervisor is limited to the queues and teams assigned to them (each list that is not
 * empty restricts); a wallboard token to its queues (none listed: all); other roles see all.
 */
export function scopeOf(role: Role, queues: readonly string[], teams: readonly string[]): Pick<Principal, 'queues' | 'teams'> {
  // A supervisor assigned nothing gets two empty lists: limited to nothing, refused everything.
  if (role === 'supervisor' && queues.length + teams.length === 0) return { queues: [], teams: [] };
  if (role === 'supervisor') return { queues: queues.length ? [...queues] : null, teams: teams.length ? [...teams] : null };
  if (role === 'wallboard') return { queues: queues.length ? [...queues] : null, teams: null };
  return { queues: null, teams: null };
}
