import type { ApiTokenDto, AuditEntriesDto, NewApiTokenSecretDto, UserDto } from '@callboard/api';

/** Queues and teams: an empty list is "all" (for a supervisor, their queues or teams). */
export type User = UserDto;
export type ApiToken = ApiTokenDto;
/** POST /tokens: the only time the secret is ever shown. */
export type CreatedApiToken = NewApiTokenSecretDto;
export type AuditEntry = AuditEntriesDto['entries'][number];

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  role: User['role'];
  queues: string[];
  teams: string[];
}

export type UserChange = Partial<Pick<User, 'displayName' | 'role' | 'queues' | 'teams' | 'disabled'>> & { password?: string };

export interface NewApiToken {
  name: string;
  role: ApiToken['role'];
  queues: string[];
}

export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'logout',
  'token.created',
  'token.revoked',
  'user.created',
  'user.updated',
  'settings.changed',
  'refresh.reused',
] as const satisfies ReadonlyArray<AuditEntry['action']>;
