import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { toDateTime64 } from '@callboard/ingest';
import { CLICKHOUSE } from '../infrastructure/tokens';
import type { TokenRole, UserRole } from './roles';

export interface StoredUser {
  userId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: UserRole;
  tenant: string;
  queues: string[];
  teams: string[];
  disabled: boolean;
  createdAt: string;
}

export interface StoredApiToken {
  tokenId: string;
  name: string;
  role: TokenRole;
  tenant: string;
  queues: string[];
  secretHash: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface StoredSession {
  sessionId: string;
  userId: string;
  refreshHash: string;
  expiresAt: string;
  revokedAt: string | null;
}

const USER_COLUMNS = `user_id AS userId, username, display_name AS displayName, password_hash AS passwordHash, role, tenant,
  queues, teams, disabled, created_at AS createdAt`;
const TOKEN_COLUMNS = `token_id AS tokenId, name, role, tenant, queues, secret_hash AS secretHash, created_by AS createdBy,
  created_at AS createdAt, revoked_at AS revokedAt`;
const SESSION_COLUMNS =
  'session_id AS sessionId, user_id AS userId, refresh_hash AS refreshHash, expires_at AS expiresAt, revoked_at AS revokedAt';

/** Users, API tokens and sign-in sessions (migration 0006): each change is a newer row, read FINAL. */
@Injectable()
export class AccessRepository {
  constructor(@Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient) {}

  users(tenant?: string): Promise<StoredUser[]> {
    return this.rows<StoredUser>(
      `SELECT ${USER_COLUMNS} FROM users FINAL ${tenant === undefined ? '' : 'WHERE tenant = {tenant:String}'} ORDER BY username`,
      { tenant },
    );
  }

  async userById(userId: string): Promise<StoredUser | undefined> {
    const [user] = await this.rows<StoredUser>(`SELECT ${USER_COLUMNS} FROM users FINAL WHERE user_id = {userId:String}`, { userId });
    return user;
  }

  async userByName(username: string): Promise<StoredUser | undefined> {
    const [user] = await this.rows<StoredUser>(
      `SELECT ${USER_COLUMNS} FROM users FINAL WHERE username = {username:String} ORDER BY created_at LIMIT 1`,
      { username },
    );
    return user;
  }

  async saveUser(user: StoredUser, at: number): Promise<void> {
    await this.clickHouse.insert({
      table: 'users',
      format: 'JSONEachRow',
      values: [
        {
          user_id: user.userId,
          username: user.username,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          role: user.role,
          tenant: user.tenant,
          queues: user.queues,
          teams: user.teams,
          disabled: user.disabled,
          created_at: toDateTime64(Date.parse(user.createdAt)),
          updated_at: toDateTime64(at),
        },
      ],
    });
  }

  tokens(tenant?: string): Promise<StoredApiToken[]> {
    return this.rows<StoredApiToken>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens FINAL ${tenant === undefined ? '' : 'WHERE tenant = {tenant:String}'} ORDER BY created_at DESC`,
      { tenant },
    );
  }

  async tokenById(tokenId: string): Promise<StoredApiToken | undefined> {
    const [token] = await this.rows<StoredApiToken>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens FINAL WHERE token_id = {tokenId:String}`, {
      tokenId,
    });
    return token;
  }

  async saveToken(token: StoredApiToken, at: number): Promise<void> {
    await this.clickHouse.insert({
      table: 'api_tokens',
      format: 'JSONEachRow',
      values: [
        {
          token_id: token.tokenId,
          name: token.name,
          role: token.role,
          tenant: token.tenant,
          queues: token.queues,
          secret_hash: token.secretHash,
          created_by: token.createdBy,
          created_at: toDateTime64(Date.parse(token.createdAt)),
          revoked_at: token.revokedAt === null ? null : toDateTime64(Date.parse(token.revokedAt)),
          updated_at: toDateTime64(at),
        },
      ],
    });
  }

  async session(sessionId: string): Promise<StoredSession | undefined> {
    const [session] = await this.rows<StoredSession>(
      `SELECT ${SESSION_COLUMNS} FROM sessions FINAL WHERE session_id = {sessionId:String}`,
      { sessionId },
    );
    return session;
  }

  activeSessionsOf(userId: string, now: number): Promise<StoredSession[]> {
    return this.rows<StoredSession>(
      `SELECT ${SESSION_COLUMNS} FROM sessions FINAL
       WHERE user_id = {userId:String} AND revoked_at IS NULL AND expires_at > fromUnixTimestamp64Milli({now:Int64}, 'UTC')`,
      { userId, now },
    );
  }

  async saveSession(session: StoredSession, at: number): Promise<void> {
    await this.clickHouse.insert({
      table: 'sessions',
      format: 'JSONEachRow',
      values: [
        {
          session_id: session.sessionId,
          user_id: session.userId,
          refresh_hash: session.refreshHash,
          expires_at: toDateTime64(Date.parse(session.expiresAt)),
          revoked_at: session.revokedAt === null ? null : toDateTime64(Date.parse(session.revokedAt)),
          updated_at: toDateTime64(at),
        },
      ],
    });
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.clickHouse.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }
}
