import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { CLICKHOUSE } from '../infrastructure/tokens';
import type { Filters } from '../common/query-params';
import { metricsQuery, type Grouping, type ItemColumn } from './sql/metric-items';
import { factParameters } from './sql-settings';

/** Settings the SQL needs, per queue (with a default for queues not listed), in milliseconds. */
export interface SqlSettings {
  queues: string[];
  serviceLevelMs: number[];
  shortAbandonMs: number[];
  fcrWindowMs: number[];
  fcrSameCategoryOnly: number[];
  defaults: { serviceLevelMs: number; shortAbandonMs: number; fcrWindowMs: number; fcrSameCategoryOnly: number };
}

export interface MetricsRequest {
  tenant: string;
  from: number;
  to: number;
  timezone: string;
  now: number;
  grouping: Grouping;
  filters: Filters;
  settings: SqlSettings;
}

export type ItemSums = Record<ItemColumn, number>;
export interface SummedGroup {
  groupKey: string;
  bucketStartSeconds: number;
  totalsOnly: boolean;
  sums: ItemSums;
}

@Injectable()
export class MetricsRepository {
  constructor(@Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient) {}

  async sums(request: MetricsRequest): Promise<SummedGroup[]> {
    const { settings } = request;
    const result = await this.clickHouse.query({
      query: metricsQuery(request.grouping, request.filters),
      format: 'JSONEachRow',
      query_params: {
        tenant: request.tenant,
        tz: request.timezone,
        ...factParameters(settings, request),
        queues: request.filters.queues,
        agents: request.filters.agents,
        teams: request.filters.teams,
        categories: request.filters.categories,
      },
    });
    const rows = await result.json<Record<string, string | number>>();
    return rows.map(({ group_key, bucket_key, totals_only, ...sums }) => ({
      groupKey: String(group_key),
      bucketStartSeconds: Number(bucket_key),
      totalsOnly: Number(totals_only) === 1,
      sums: Object.fromEntries(Object.entries(sums).map(([column, value]) => [column, Number(value)])) as ItemSums,
    }));
  }
}
