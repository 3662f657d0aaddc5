import { ForbiddenException } from '@nestjs/common';
import type { Filters } from '../common/query-params';
import { ALL_TENANTS, type Principal } from './roles';

/** A 403 naming the parameter that reaches outside the caller's scope. */
export function outOfScope(name: string, message: string): ForbiddenException {
  return new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: `${name}: ${message}`, parameters: [{ name, message }] });
}

export function authoriseTenant(principal: Principal, tenant: string): void {
  if (principal.tenant !== ALL_TENANTS && principal.tenant !== tenant) {
    throw outOfScope('tenant', `you may see tenant '${principal.tenant}' only`);
  }
  if (principal.queues?.length === 0 && principal.teams?.length === 0) {
    throw outOfScope('queue', 'no queues or teams are assigned to you yet; ask an administrator');
  }
}

/**
 * The filters a request may run with: the tenant must be the caller's; a queue or team it names
 * must be one the caller is limited to; and without such filters, the caller's own queues (or,
 * for a supervisor assigned only teams, their teams) apply. A supervisor assigned queues sees
 * those queues whole, whoever answered; one assigned only teams sees what their agents handled.
 */
export function scopedFilters<T extends Filters>(principal: Principal, tenant: string, filters: T): T {
  authoriseTenant(principal, tenant);
  const queues = within('queue', filters.queues, principal.queues);
  const teams = within('team', filters.teams, principal.teams);
  if (principal.queues) return { ...filters, queues: queues.length ? queues : principal.queues, teams };
  if (principal.teams) return { ...filters, queues, teams: teams.length ? teams : principal.teams };
  return { ...filters, queues, teams };
}

/**
 * The queues of a live view: those asked for, within the caller's queues; or all of the
 * caller's queues; or undefined, meaning every queue (only for callers limited to none).
 */
export function scopedLiveQueues(principal: Principal, tenant: string, requested: readonly string[]): string[] | undefined {
  authoriseTenant(principal, tenant);
  if (principal.queues === null && principal.teams !== null) {
    throw outOfScope('queue', 'live figures are per queue, and no queues are assigned to you');
  }
  const queues = within('queue', requested, principal.queues);
  if (queues.length) return queues;
  return principal.queues ?? undefined;
}

/** Whether the caller sees the centre as a whole (totals over every queue). */
export function seesWholeCentre(principal: Principal): boolean {
  return principal.queues === null && principal.teams === null;
}

function within(name: string, requested: readonly string[], allowed: readonly string[] | null): string[] {
  if (allowed === null) return [...requested];
  const outside = requested.filter((value) => !allowed.includes(value));
  if (outside.length) throw outOfScope(name, `'${outside[0]}' is not one of yours (${allowed.join(', ')})`);
  return [...requested];
}
