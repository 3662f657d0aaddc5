import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { toDateTime64 } from '@callboard/ingest';
import { CLICKHOUSE, CLOCK, type Clock } from '../infrastructure/tokens';
import type { Principal } from './roles';

export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'refresh.reused',
  'logout',
  'token.created',
  'token.revoked',
  'user.created',
  'user.updated',
  'settings.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: string;
  tenant: string;
  actor: string;
  action: AuditAction;
  target: string;
  outcome: 'success' | 'failure';
  ip: string;
  details: Record<string, unknown>;
}

export interface AuditRecord {
  action: AuditAction;
  /** `user:<name>`, `token:<id>` or `bootstrap`; for a failed sign-in, the name that was tried. */
  actor: string;
  tenant: string;
  target?: string;
  outcome?: 'success' | 'failure';
  ip?: string;
  /** Never secrets: no password, token or hash ever goes here. */
  details?: Record<string, unknown>;
}

export function actorOf(principal: Principal): string {
  return principal.kind === 'bootstrap' ? 'bootstrap' : `${principal.kind}:${principal.name}`;
}

/** The audit log: who signed in or failed to, created or revoked credentials, changed settings. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.clickHouse.insert({
      table: 'audit_log',
      format: 'JSONEachRow',
      values: [
        {
          at: toDateTime64(this.clock()),
          tenant: entry.tenant,
          actor: entry.actor,
          action: entry.action,
          target: entry.target ?? '',
          outcome: entry.outcome ?? 'success',
          ip: entry.ip ?? '',
          details: JSON.stringify(entry.details ?? {}),
        },
      ],
    });
  }

  async recent(query: { tenant?: string; from?: number; to?: number; action?: string; limit: number }): Promise<AuditEntry[]> {
    const conditions = [
      query.tenant === undefined ? '' : 'tenant = {tenant:String}',
      query.from === undefined ? '' : "at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')",
      query.to === undefined ? '' : "at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')",
      query.action === undefined ? '' : 'action = {action:String}',
    ].filter(Boolean);
    const result = await this.clickHouse.query({
      query: `SELECT at, tenant, actor, action, target, outcome, ip, details FROM audit_log
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY at DESC LIMIT {limit:UInt32}`,
      query_params: query,
      format: 'JSONEachRow',
    });
    const rows = await result.json<Omit<AuditEntry, 'details'> & { details: string }>();
    return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
  }
}
