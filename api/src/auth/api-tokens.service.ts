import { Injectable, NotFoundException } from '@nestjs/common';
import { AccessRepository, type StoredApiToken } from './access.repository';
import { actorOf, AuditService } from './audit.service';
import { Authenticator } from './authenticator';
import { API_TOKEN_PREFIX, formatCredential, newId, newSecret, secretHash } from './credentials';
import type { Principal, TokenRole } from './roles';
import { authoriseTenant } from './scope';

export interface ApiToken {
  id: string;
  name: string;
  role: TokenRole;
  tenant: string;
  queues: string[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Long-lived tokens for machines: TVs (wallboard, chosen queues) and systems sending events (intake). */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly repository: AccessRepository,
    private readonly audit: AuditService,
    private readonly authenticator: Authenticator,
  ) {}

  async list(principal: Principal): Promise<ApiToken[]> {
    const tokens = await this.repository.tokens(principal.tenant === '*' ? undefined : principal.tenant);
    return tokens.map(publicToken);
  }

  async create(
    principal: Principal,
    request: { name: string; role: TokenRole; tenant: string; queues: string[] },
    ip: string,
  ): Promise<ApiToken & { secret: string }> {
    authoriseTenant(principal, request.tenant);
    const now = Date.now();
    const secret = newSecret();
    const token: StoredApiToken = {
      tokenId: newId(),
      name: request.name,
      role: request.role,
      tenant: request.tenant,
      queues: request.role === 'wallboard' ? request.queues : [],
      secretHash: secretHash(secret),
      createdBy: actorOf(principal),
      createdAt: new Date(now).toISOString(),
      revokedAt: null,
    };
    await this.repository.saveToken(token, now);
    await this.audit.record({
      action: 'token.created',
      actor: actorOf(principal),
      tenant: token.tenant,
      target: `token:${token.tokenId}`,
      ip,
      details: { name: token.name, role: token.role, queues: token.queues },
    });
    return { ...publicToken(token), secret: formatCredential(API_TOKEN_PREFIX, { id: token.tokenId, secret }) };
  }

  async revoke(principal: Principal, tokenId: string, ip: string): Promise<ApiToken> {
    const token = await this.repository.tokenById(tokenId);
    if (!token || (principal.tenant !== '*' && token.tenant !== principal.tenant)) throw new NotFoundException(`no token ${tokenId}`);
    if (token.revokedAt !== null) return publicToken(token);
    const revoked = { ...token, revokedAt: new Date().toISOString() };
    await this.repository.saveToken(revoked, Date.now());
    this.authenticator.forget(tokenId);
    await this.audit.record({
      action: 'token.revoked',
      actor: actorOf(principal),
      tenant: token.tenant,
      target: `token:${token.tokenId}`,
      ip,
      details: { name: token.name },
    });
    return publicToken(revoked);
  }
}

function publicToken(token: StoredApiToken): ApiToken {
  return {
    id: token.tokenId,
    name: token.name,
    role: token.role,
    tenant: token.tenant,
    queues: token.queues,
    createdBy: token.createdBy,
    createdAt: token.createdAt,
    revokedAt: token.revokedAt,
  };
}
