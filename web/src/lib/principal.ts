import type { PrincipalDto, Role as ApiRole } from '@callboard/api';

// The api decides who may do what; these rules only decide what the app offers.

export type Role = ApiRole;
export const ROLES = ['admin', 'manager', 'supervisor', 'qa', 'wallboard', 'intake'] as const satisfies readonly Role[];
/** Roles a person signs in with; wallboard and intake exist only as API tokens. */
export const USER_ROLES = ['admin', 'manager', 'supervisor', 'qa'] as const satisfies readonly Role[];
export const TOKEN_ROLES = ['wallboard', 'intake'] as const satisfies readonly Role[];

/** GET /auth/me: queues and teams null mean all of them; tenant '*' is the bootstrap token's. */
export type Principal = PrincipalDto;

export const PAGES = ['wallboard', 'compare', 'trends', 'scorecard', 'calls', 'settings', 'admin'] as const;
export type Page = (typeof PAGES)[number];

const STAFF: readonly Role[] = ['admin', 'manager', 'supervisor', 'qa'];
const PAGE_ROLES: Record<Page, readonly Role[]> = {
  wallboard: [...STAFF, 'wallboard'],
  compare: STAFF,
  trends: STAFF,
  scorecard: STAFF,
  calls: STAFF,
  settings: STAFF,
  admin: ['admin'],
};

export function canOpen(role: Role, page: Page): boolean {
  return PAGE_ROLES[page].includes(role);
}

export function canEditSettings(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

/** Where a role lands after signing in without a `next`; intake tokens have no page at all. */
export function landingPage(role: Role): Page | undefined {
  return PAGES.find((page) => canOpen(role, page));
}
