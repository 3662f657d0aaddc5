import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../infrastructure/tokens';
import { AccessRepository } from './access.repository';
import { API_TOKEN_PREFIX, parseCredential, sameSecret, secretHash } from './credentials';
import { ALL_TENANTS, ROLES, scopeOf, type Principal, type Role } from './roles';

/** What a signed access token says (JWT claims). */
export interface AccessClaims {
  sub: string;
  sid: string;
  name: string;
  role: Role;
  tenant: string;
  queues: string[] | null;
  teams: string[] | null;
  exp?: number;
}

// Revoking an API token or signing out reaches every instance within this long.
const CREDENTIAL_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Turns a bearer token into a principal: the bootstrap token (admin of every tenant), an API
 * token (`cbt_…`), or a signed access token from sign-in whose session is still open.
 */
@Injectable()
export class Authenticator {
  private readonly apiTokens = new Map<string, { principal: Principal | undefined; secretHash: string; until: number }>();
  private readonly sessions = new Map<string, { open: boolean; until: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly repository: AccessRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** From an `Authorization` header value. */
  fromHeader(header: string | undefined): Promise<Principal | undefined> {
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    return token === undefined ? Promise.resolve(undefined) : this.authenticate(token);
  }

  async authenticate(token: string): Promise<Principal | undefined> {
    const bootstrap = this.config.auth.bootstrapToken;
    if (bootstrap !== undefined && sameSecret(token, bootstrap)) {
      return { kind: 'bootstrap', id: 'bootstrap', name: 'bootstrap', role: 'admin', tenant: ALL_TENANTS, queues: null, teams: null };
    }
    if (token.startsWith(API_TOKEN_PREFIX)) return this.apiToken(token);
    return this.accessToken(token);
  }

  /** Forgets what this instance cached about a token or a session, after revoking it here. */
  forget(id: string): void {
    this.apiTokens.delete(id);
    this.sessions.delete(id);
  }

  private async apiToken(token: string): Promise<Principal | undefined> {
    const credential = parseCredential(API_TOKEN_PREFIX, token);
    if (!credential) return undefined;
    const now = Date.now();
    let known = this.apiTokens.get(credential.id);
    if (!known || known.until < now) {
      const stored = await this.repository.tokenById(credential.id);
      known = {
        until: now + CREDENTIAL_CACHE_MS,
        secretHash: stored?.secretHash ?? '',
        principal:
          stored && stored.revokedAt === null
            ? {
                kind: 'token',
                id: stored.tokenId,
                name: stored.name,
                role: stored.role,
                tenant: stored.tenant,
                ...scopeOf(stored.role, stored.queues, []),
              }
            : undefined,
      };
      remember(this.apiTokens, credential.id, known);
    }
    return known.principal && sameSecret(secretHash(credential.secret), known.secretHash) ? known.principal : undefined;
  }

  private async accessToken(token: string): Promise<Principal | undefined> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      return undefined;
    }
    if (!ROLES.includes(claims.role) || !(await this.sessionOpen(claims.sid))) return undefined;
    return {
      kind: 'user',
      id: claims.sub,
      name: claims.name,
      role: claims.role,
      tenant: claims.tenant,
      queues: claims.queues,
      teams: claims.teams,
      sessionId: claims.sid,
      expiresAt: claims.exp === undefined ? undefined : claims.exp * 1000,
    };
  }

  private async sessionOpen(sessionId: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.sessions.get(sessionId);
    if (cached && cached.until >= now) return cached.open;
    const session = await this.repository.session(sessionId);
    const open = session !== undefined && session.revokedAt === null && Date.parse(session.expiresAt) > now;
    remember(this.sessions, sessionId, { open, until: now + CREDENTIAL_CACHE_MS });
    return open;
  }
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
}
