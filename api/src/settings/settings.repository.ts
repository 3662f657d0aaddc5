import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { toDateTime64 } from '@callboard/ingest';
import { CLICKHOUSE } from '../infrastructure/tokens';

export interface StoredSettingsRow {
  queue: string;
  settings: string;
}

@Injectable()
export class SettingsRepository {
  constructor(@Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient) {}

  async readAll(tenant: string): Promise<StoredSettingsRow[]> {
    const result = await this.clickHouse.query({
      query: 'SELECT queue, settings FROM queue_settings FINAL WHERE tenant = {tenant:String} ORDER BY queue',
      query_params: { tenant },
      format: 'JSONEachRow',
    });
    return result.json<StoredSettingsRow>();
  }

  async write(tenant: string, rows: readonly StoredSettingsRow[], at: number): Promise<void> {
    if (rows.length === 0) return;
    await this.clickHouse.insert({
      table: 'queue_settings',
      values: rows.map((row) => ({ tenant, queue: row.queue, settings: row.settings, updated_at: toDateTime64(at) })),
      format: 'JSONEachRow',
    });
  }
}
