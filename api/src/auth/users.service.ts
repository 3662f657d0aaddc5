import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { badParameter } from '../common/bad-parameter';
import { AccessRepository, type StoredUser } from './access.repository';
import { actorOf, AuditService } from './audit.service';
import { hashPassword, newId } from './credentials';
import type { Principal, UserRole } from './roles';
import { authoriseTenant } from './scope';
import { SessionsService } from './sessions.service';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  tenant: string;
  queues: string[];
  teams: string[];
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  role: UserRole;
  tenant: string;
  queues: string[];
  teams: string[];
}

export type UserChange = Partial<Pick<NewUser, 'password' | 'displayName' | 'role' | 'queues' | 'teams'>> & { disabled?: boolean };

/** People who sign in. Usernames are unique across tenants, since sign-in asks for no tenant. */
@Injectable()
export class UsersService {
  constructor(
    private readonly repository: AccessRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async list(principal: Principal): Promise<User[]> {
    const users = await this.repository.users(principal.tenant === '*' ? undefined : principal.tenant);
    return users.map(publicUser);
  }

  async create(principal: Principal, request: NewUser, ip: string): Promise<User> {
    authoriseTenant(principal, request.tenant);
    requireSupervisorScope(request.role, request.queues, request.teams);
    if (await this.repository.userByName(request.username)) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `username: '${request.username}' is taken`,
        parameters: [{ name: 'username', message: 'is taken' }],
      });
    }
    const now = Date.now();
    const user: StoredUser = {
      userId: newId(),
      username: request.username,
      displayName: request.displayName ?? request.username,
      passwordHash: await hashPassword(request.password),
      role: request.role,
      tenant: request.tenant,
      queues: request.role === 'supervisor' ? request.queues : [],
      teams: request.role === 'supervisor' ? request.teams : [],
      disabled: false,
      createdAt: new Date(now).toISOString(),
    };
    await this.repository.saveUser(user, now);
    await this.audit.record({
      action: 'user.created',
      actor: actorOf(principal),
      tenant: user.tenant,
      target: `user:${user.username}`,
      ip,
      details: { role: user.role, queues: user.queues, teams: user.teams },
    });
    return publicUser(user);
  }

  async change(principal: Principal, userId: string, change: UserChange, ip: string): Promise<User> {
    const stored = await this.repository.userById(userId);
    if (!stored || (principal.tenant !== '*' && stored.tenant !== principal.tenant)) throw new NotFoundException(`no user ${userId}`);
    const role = change.role ?? stored.role;
    const queues = role === 'supervisor' ? (change.queues ?? stored.queues) : [];
    const teams = role === 'supervisor' ? (change.teams ?? stored.teams) : [];
    requireSupervisorScope(role, queues, teams);
    const updated: StoredUser = {
      ...stored,
      role,
      queues,
      teams,
      displayName: change.displayName ?? stored.displayName,
      disabled: change.disabled ?? stored.disabled,
      passwordHash: change.password === undefined ? stored.passwordHash : await hashPassword(change.password),
    };
    await this.repository.saveUser(updated, Date.now());
    // Access tokens carry the role and scope: a change takes effect at the next sign-in.
    await this.sessions.endSessionsOf(userId);
    const { password, ...visible } = change;
    await this.audit.record({
      action: 'user.updated',
      actor: actorOf(principal),
      tenant: stored.tenant,
      target: `user:${stored.username}`,
      ip,
      details: { ...visible, ...(password === undefined ? {} : { password: 'changed' }) },
    });
    return publicUser(updated);
  }
}

function requireSupervisorScope(role: UserRole, queues: readonly string[], teams: readonly string[]): void {
  if (role === 'supervisor' && queues.length + teams.length === 0) {
    throw badParameter('queues', 'a supervisor needs at least one queue or team');
  }
}

function publicUser(user: StoredUser): User {
  return {
    id: user.userId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    tenant: user.tenant,
    queues: user.queues,
    teams: user.teams,
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}
