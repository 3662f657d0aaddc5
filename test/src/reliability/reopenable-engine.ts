import { createClient } from '@clickhouse/client';
import { drainPending } from 'chdb';
import { createChdbConnection, type ChdbConnection } from 'chdb/connection';
import { quoteIdentifier, type ClickHouseClient } from '@callboard/infra';

type ClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

/**
 * The embedded engine (chdb) as a process holds it, but one a test can shut down and bring
 * back: `close()` closes every session it handed out and drains chdb's pending work, so the
 * engine really releases its data directory; `reopen()` opens the same directory again. While
 * closed, each client's calls fail with chdb's own "closed" error, as a product's would.
 */
export class ReopenableEngine {
  private readonly connections: ReopenableConnection[] = [];

  constructor(private readonly path: string) {}

  /** A client on `database` (as `openClickHouse` makes one) that follows the engine through close and reopen. */
  async client(database: string): Promise<ClickHouseClient> {
    const connection = new ReopenableConnection(this.path, database);
    await connection.reopen();
    this.connections.push(connection);
    return createClient({
      connection: connection as unknown as ClientConnection,
      clickhouse_settings: { date_time_output_format: 'iso' },
    }) as unknown as ClickHouseClient;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) await connection.closeSession();
    await drainPending();
  }

  async reopen(): Promise<void> {
    for (const connection of this.connections) await connection.reopen();
  }

  async dispose(): Promise<void> {
    await this.close();
    this.connections.length = 0;
  }
}

/** Delegates to the current chdb session; a closed one answers every call with its "closed" error. */
class ReopenableConnection {
  private session!: ChdbConnection;

  constructor(
    private readonly path: string,
    private readonly database: string,
  ) {}

  async reopen(): Promise<void> {
    const session = createChdbConnection({ path: this.path });
    // chdb ignores the client's database option: USE scopes this session, as openClickHouse does.
    await session.command({ query: `USE ${quoteIdentifier(this.database)}` });
    this.session = session;
  }

  closeSession(): Promise<void> {
    return this.session.close();
  }

  query: ChdbConnection['query'] = (params) => this.session.query(params);
  exec: ChdbConnection['exec'] = (params) => this.session.exec(params);
  command: ChdbConnection['command'] = (params) => this.session.command(params);
  insert: ChdbConnection['insert'] = (params) => this.session.insert(params);
  ping: ChdbConnection['ping'] = (params) => this.session.ping(params);
  close = (): Promise<void> => this.session.close();
}
