import { Inject, Injectable } from '@nestjs/common';
import { badParameter } from '../common/bad-parameter';
import { formatInstant, type Filters } from '../common/query-params';
import { SharedAnswers } from '../common/shared-answers';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens';
import { SettingsService } from '../settings/settings.service';
import { bucketStarts, MAX_BUCKETS } from './bucket-starts';
import { addSums, computeMetrics, emptySums } from './compute-metrics';
import { MetricsRepository, type ItemSums, type SummedGroup } from './metrics.repository';
import type { Metrics } from './metrics.schema';
import type { Dimension } from './sql/metric-items';
import type { BucketKind } from './sql/buckets';
import { toSqlSettings } from './sql-settings';

export interface PeriodQuery {
  tenant: string;
  from: number;
  to: number;
  /** Default: the centre timezone from settings. */
  tz?: string;
  filters: Filters;
}

export interface GroupedSums {
  timezone: string;
  totals: ItemSums;
  /** Per dimension key ('' for none), then per bucket start (epoch ms; 0 without buckets). */
  groups: Map<string, Map<number, ItemSums>>;
  bucketStarts: number[];
}

export interface Freshness {
  /**
   * Query now rather than share an identical request's answer of the last few seconds. The live
   * feed asks fresh (its figures must be well under a second old); reports share.
   */
  fresh?: boolean;
}

export interface MetricsGroup {
  key: Record<string, string | null>;
  metrics: Metrics;
}

// Rows of summed answers kept at most (a row is a group × bucket): bounds the memory they take.
const SHARED_ROWS = 100_000;

@Injectable()
export class MetricsService {
  private readonly sharedSums: SharedAnswers<SummedGroup[]>;

  constructor(
    private readonly repository: MetricsRepository,
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.sharedSums = new SharedAnswers({
      ttlMs: config.queryCacheMs,
      maxEntries: 1_000,
      sizeOf: (rows) => rows.length,
      maxSize: SHARED_ROWS,
    });
  }

  /** Totals plus one group per dimension key or per bucket (every bucket of the period, empty ones too). */
  async metrics(query: PeriodQuery, groupBy?: Dimension | BucketKind, freshness: Freshness = {}) {
    const grouping = groupBy === undefined ? {} : isDimension(groupBy) ? { dimension: groupBy } : { bucket: groupBy };
    const summed = await this.groupedSums(query, grouping, 'groupBy', freshness);
    const groups: MetricsGroup[] = [];
    if (grouping.dimension) {
      for (const [key, byBucket] of summed.groups) {
        groups.push({ key: { [grouping.dimension]: key === '' ? null : key }, metrics: computeMetrics(byBucket.get(0) ?? emptySums()) });
      }
    } else if (grouping.bucket) {
      const byBucket = summed.groups.get('') ?? new Map<number, ItemSums>();
      for (const start of summed.bucketStarts) {
        groups.push({
          key: { bucket: formatInstant(start, summed.timezone) },
          metrics: computeMetrics(byBucket.get(start) ?? emptySums()),
        });
      }
    }
    return { timezone: summed.timezone, totals: computeMetrics(summed.totals), groups };
  }

  async groupedSums(
    query: PeriodQuery,
    grouping: { dimension?: Dimension; bucket?: BucketKind },
    bucketParameter: string,
    { fresh = false }: Freshness = {},
  ): Promise<GroupedSums> {
    const settings = await this.settings.get(query.tenant);
    const timezone = query.tz ?? settings.timezone;
    const starts = grouping.bucket ? bucketStarts(query.from, query.to, timezone, grouping.bucket) : [];
    if (starts.length > MAX_BUCKETS) {
      throw badParameter(
        bucketParameter,
        `'${grouping.bucket}' would cut this period into more than ${MAX_BUCKETS} buckets; choose a coarser one or a shorter period`,
      );
    }
    const question = {
      tenant: query.tenant,
      from: query.from,
      to: query.to,
      timezone,
      grouping,
      filters: query.filters,
      settings: toSqlSettings(settings),
    };
    const sum = () => this.repository.sums({ ...question, now: this.clock() });
    const rows = fresh ? await sum() : await this.sharedSums.get(question, sum);
    return {
      timezone,
      totals: rows.reduce((totals, row) => addSums(totals, row.sums), emptySums()),
      groups: byKey(rows),
      bucketStarts: starts,
    };
  }
}

function byKey(rows: SummedGroup[]): Map<string, Map<number, ItemSums>> {
  const groups = new Map<string, Map<number, ItemSums>>();
  const sorted = rows.filter((row) => !row.totalsOnly).sort((a, b) => compareKeys(a.groupKey, b.groupKey));
  for (const row of sorted) {
    const byBucket = groups.get(row.groupKey) ?? new Map<number, ItemSums>();
    byBucket.set(row.bucketStartSeconds * 1000, addSums(byBucket.get(row.bucketStartSeconds * 1000) ?? emptySums(), row.sums));
    groups.set(row.groupKey, byBucket);
  }
  return groups;
}

// Named keys in order, the group without one ('' → null) last.
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? -1 : 1;
}

const DIMENSION_SET = new Set<string>(['queue', 'agent', 'team', 'category']);
function isDimension(value: string): value is Dimension {
  return DIMENSION_SET.has(value);
}
