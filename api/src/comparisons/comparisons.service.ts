import { Injectable } from '@nestjs/common';
import { formatInstant } from '../common/query-params';
import { computeMetrics, emptySums } from '../metrics/compute-metrics';
import { MetricsService, type MetricsGroup, type PeriodQuery } from '../metrics/metrics.service';
import type { Dimension } from '../metrics/sql/metric-items';
import { SettingsService } from '../settings/settings.service';
import { baselinePeriod, type Against, type Period } from './baseline-period';
import { changesBetween } from './changes';

export interface CompareRequest extends PeriodQuery {
  against: Against;
  againstFrom?: number;
  againstTo?: number;
  groupBy?: Dimension;
}

@Injectable()
export class ComparisonsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly settings: SettingsService,
  ) {}

  async compare(request: CompareRequest) {
    const timezone = request.tz ?? (await this.settings.get(request.tenant)).timezone;
    const baseline: Period =
      request.against === 'custom'
        ? { from: request.againstFrom!, to: request.againstTo! }
        : baselinePeriod(request, request.against, timezone);
    const [current, previous] = await Promise.all([
      this.metrics.metrics({ ...request, tz: timezone }, request.groupBy),
      this.metrics.metrics({ ...request, ...baseline, tz: timezone }, request.groupBy),
    ]);
    const describe = (period: Period, totals: typeof current.totals) => ({
      from: formatInstant(period.from, timezone),
      to: formatInstant(period.to, timezone),
      totals,
    });
    return {
      timezone,
      current: describe(request, current.totals),
      baseline: describe(baseline, previous.totals),
      changes: changesBetween(current.totals, previous.totals),
      groups: request.groupBy ? pairGroups(current.groups, previous.groups) : undefined,
    };
  }
}

function pairGroups(current: MetricsGroup[], baseline: MetricsGroup[]) {
  const keyOf = (group: MetricsGroup) => JSON.stringify(group.key);
  const baselineByKey = new Map(baseline.map((group) => [keyOf(group), group]));
  const keys = new Map([...current, ...baseline].map((group) => [keyOf(group), group.key]));
  const currentByKey = new Map(current.map((group) => [keyOf(group), group]));
  const empty = computeMetrics(emptySums());
  return [...keys].map(([id, key]) => {
    const now = currentByKey.get(id)?.metrics ?? empty;
    const before = baselineByKey.get(id)?.metrics ?? empty;
    return { key, current: now, baseline: before, changes: changesBetween(now, before) };
  });
}
