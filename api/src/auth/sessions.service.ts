import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../infrastructure/tokens';
import { AccessRepository, type StoredSession, type StoredUser } from './access.repository';
import { AuditService } from './audit.service';
import type { AccessClaims } from './authenticator';
import { Authenticator } from './authenticator';
import {
  formatCredential,
  newId,
  newSecret,
  parseCredential,
  passwordMatches,
  REFRESH_TOKEN_PREFIX,
  sameSecret,
  secretHash,
} from './credentials';
import { scopeOf, type Principal } from './roles';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  principal: Principal;
}

const WRONG_CREDENTIALS = 'wrong username or password';
const SESSION_ENDED = 'the session has ended; sign in again';

/**
 * Sign-in sessions: a short-lived signed access token, and a refresh token that works once and
 * is replaced by each refresh. A refresh token presented twice was copied: the session ends.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: AccessRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly authenticator: Authenticator,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async login(username: string, password: string, ip: string): Promise<SessionTokens> {
    const user = await this.repository.userByName(username);
    const matches = await passwordMatches(user?.passwordHash, password);
    if (!user || !matches || user.disabled) {
      const reason = !user ? 'unknown user' : !matches ? 'wrong password' : 'user disabled';
      await this.audit.record({
        action: 'login.failed',
        actor: `user:${username}`,
        tenant: user?.tenant ?? '',
        outcome: 'failure',
        ip,
        details: { reason },
      });
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    const secret = newSecret();
    const session: StoredSession = {
      sessionId: newId(),
      userId: user.userId,
      refreshHash: secretHash(secret),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlSeconds * 1000).toISOString(),
      revokedAt: null,
    };
    await this.repository.saveSession(session, Date.now());
    await this.audit.record({ action: 'login.succeeded', actor: `user:${user.username}`, tenant: user.tenant, ip });
    return this.tokens(user, session, secret);
  }

  async refresh(refreshToken: string, ip: string): Promise<SessionTokens> {
    const credential = parseCredential(REFRESH_TOKEN_PREFIX, refreshToken);
    const session = credential && (await this.repository.session(credential.id));
    if (!credential || !session || session.revokedAt !== null || Date.parse(session.expiresAt) <= Date.now()) {
      throw new UnauthorizedException(SESSION_ENDED);
    }
    const user = await this.repository.userById(session.userId);
    if (!sameSecret(secretHash(credential.secret), session.refreshHash)) {
      await this.end(session);
      await this.audit.record({
        action: 'refresh.reused',
        actor: `user:${user?.username ?? session.userId}`,
        tenant: user?.tenant ?? '',
        outcome: 'failure',
        ip,
        details: { session: session.sessionId },
      });
      throw new UnauthorizedException(SESSION_ENDED);
    }
    if (!user || user.disabled) {
      await this.end(session);
      throw new UnauthorizedException(SESSION_ENDED);
    }
    const secret = newSecret();
    const rotated = { ...session, refreshHash: secretHash(secret) };
    await this.repository.saveSession(rotated, Date.now());
    return this.tokens(user, rotated, secret);
  }

  async logout(refreshToken: string, ip: string): Promise<void> {
    const credential = parseCredential(REFRESH_TOKEN_PREFIX, refreshToken);
    const session = credential && (await this.repository.session(credential.id));
    if (!credential || !session || !sameSecret(secretHash(credential.secret), session.refreshHash)) return;
    await this.end(session);
    const user = await this.repository.userById(session.userId);
    await this.audit.record({ action: 'logout', actor: `user:${user?.username ?? session.userId}`, tenant: user?.tenant ?? '', ip });
  }

  /** Ends every open session of a user (disabled, or their role or scope changed). */
  async endSessionsOf(userId: string): Promise<void> {
    for (const session of await this.repository.activeSessionsOf(userId, Date.now())) await this.end(session);
  }

  private async end(session: StoredSession): Promise<void> {
    await this.repository.saveSession({ ...session, revokedAt: new Date().toISOString() }, Date.now());
    this.authenticator.forget(session.sessionId);
  }

  private async tokens(user: StoredUser, session: StoredSession, refreshSecret: string): Promise<SessionTokens> {
    const scope = scopeOf(user.role, user.queues, user.teams);
    const claims: AccessClaims = {
      sub: user.userId,
      sid: session.sessionId,
      name: user.username,
      role: user.role,
      tenant: user.tenant,
      ...scope,
    };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      refreshToken: formatCredential(REFRESH_TOKEN_PREFIX, { id: session.sessionId, secret: refreshSecret }),
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      principal: { kind: 'user', id: user.userId, name: user.username, role: user.role, tenant: user.tenant, ...scope },
    };
  }
}
