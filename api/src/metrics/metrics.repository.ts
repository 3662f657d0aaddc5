import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { toDateTime64 } from '@callboard/ingest';
import { CLICKHOUSE } from '../infrastructure/tokens';
import type { Filters } from '../common/query-params';
import { metricsQuery, type Grouping, type ItemColumn } from './sql/metric-items';

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

// A leg's events are read up to this long after, and a call's first leg this long before, the period.
export const CALL_SPAN_MS = 48 * 3_600_000;

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
        from: toDateTime64(request.from),
        to: toDateTime64(request.to),
        scanFrom: toDateTime64(request.from - CALL_SPAN_MS),
        scanTo: toDateTime64(request.to + Math.max(settings.defaults.fcrWindowMs, ...settings.fcrWindowMs) + CALL_SPAN_MS),
        now: toDateTime64(request.now),
        tz: request.timezone,
        settingQueues: settings.queues,
        serviceLevelMs: settings.serviceLevelMs,
        serviceLevelMsDefault: settings.defaults.serviceLevelMs,
        shortAbandonMs: settings.shortAbandonMs,
        shortAbandonMsDefault: settings.defaults.shortAbandonMs,
        fcrWindowMs: settings.fcrWindowMs,
        fcrWindowMsDefault: settings.defaults.fcrWindowMs,
        fcrSameCategoryOnly: settings.fcrSameCategoryOnly,
        fcrSameCategoryOnlyDefault: settings.defaults.fcrSameCategoryOnly,
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
