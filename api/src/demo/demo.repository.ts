import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { toDateTime64 } from '@callboard/ingest';
import { CLICKHOUSE } from '../infrastructure/tokens';

@Injectable()
export class DemoRepository {
  constructor(@Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient) {}

  /** Distinct events stored with from ≤ ts < to. */
  async storedEvents(tenant: string, from: number, to: number): Promise<number> {
    const result = await this.clickHouse.query({
      query: `SELECT count() AS stored FROM events FINAL
              WHERE tenant = {tenant:String} AND ts >= {from:DateTime64(3, 'UTC')} AND ts < {to:DateTime64(3, 'UTC')}`,
      query_params: { tenant, from: toDateTime64(from), to: toDateTime64(to) },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ stored: string }>();
    return Number(row?.stored ?? 0);
  }
}
