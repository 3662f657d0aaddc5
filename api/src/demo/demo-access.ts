import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AccessRepository } from '../auth/access.repository';
import { ApiTokensService } from '../auth/api-tokens.service';
import { newSecret } from '../auth/credentials';
import { ALL_TENANTS, type Principal, type UserRole } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../infrastructure/tokens';

const TENANT = 'default';
const SETUP: Principal = { kind: 'bootstrap', id: 'demo', name: 'demo', role: 'admin', tenant: ALL_TENANTS, queues: null, teams: null };

/** One account per role, so that the demo shows what each of them sees. */
const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; role: UserRole; queues?: string[]; teams?: string[] }> = [
  { username: 'admin', displayName: '系统管理员 Admin', role: 'admin' },
  { username: 'manager', displayName: '运营经理 Manager', role: 'manager' },
  { username: 'supervisor', displayName: '值班班长 Supervisor (billing, orders)', role: 'supervisor', queues: ['billing', 'orders'] },
  { username: 'qa', displayName: '质检专员 QA', role: 'qa' },
];

export interface DemoCredentials {
  password: string;
  usernames: string[];
  wallboardToken: string;
}

/**
 * The demo's way in (CALLBOARD_SIMULATOR=demo): on a first start with no users, an account per
 * role sharing one random password, and a wallboard token for a TV. They are written to
 * demo-credentials.json beside the data directory (readable by its owner only) and printed at
 * every start, so the README's one command ends with a link that shows the live wallboard.
 */
@Injectable()
export class DemoAccess implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoAccess.name);
  credentials: DemoCredentials | undefined;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: AccessRepository,
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
  ) {}

  get credentialsFile(): string {
    const dataDir = this.config.clickHouse.kind === 'embedded' ? dirname(resolve(this.config.clickHouse.path)) : resolve('data');
    return join(dataDir, 'demo-credentials.json');
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.simulator) return;
    if ((await this.repository.users(TENANT)).length > 0) {
      this.credentials = this.readStored();
      return;
    }
    const password = newSecret().slice(0, 16);
    for (const account of DEMO_ACCOUNTS) {
      await this.users.create(
        SETUP,
        { ...account, password, tenant: TENANT, queues: account.queues ?? [], teams: account.teams ?? [] },
        'demo setup',
      );
    }
    const wallboard = await this.tokens.create(SETUP, { name: 'demo TV', role: 'wallboard', tenant: TENANT, queues: [] }, 'demo setup');
    this.credentials = { password, usernames: DEMO_ACCOUNTS.map((account) => account.username), wallboardToken: wallboard.secret };
    mkdirSync(dirname(this.credentialsFile), { recursive: true });
    writeFileSync(this.credentialsFile, JSON.stringify(this.credentials, null, 2) + '\n', { mode: 0o600 });
    this.logger.log(`demo accounts created; their password is in ${this.credentialsFile}`);
  }

  private readStored(): DemoCredentials | undefined {
    if (!existsSync(this.credentialsFile)) return undefined;
    try {
      return JSON.parse(readFileSync(this.credentialsFile, 'utf8')) as DemoCredentials;
    } catch {
      return undefined;
    }
  }
}
