import { Injectable } from '@nestjs/common';
import { formatInstant } from '../common/query-params';
import { computeMetrics, emptySums } from '../metrics/compute-metrics';
import { METRIC_DEFINITIONS, type MetricName } from '../metrics/metric-definitions';
import type { ItemSums } from '../metrics/metrics.repository';
import { MetricsService, type PeriodQuery } from '../metrics/metrics.service';
import type { BucketKind } from '../metrics/sql/buckets';
import type { Dimension } from '../metrics/sql/metric-items';

export interface TrendRequest extends PeriodQuery {
  metric: MetricName;
  bucket: BucketKind;
  groupBy?: Dimension;
}

@Injectable()
export class TrendsService {
  constructor(private readonly metrics: MetricsService) {}

  /** One series per group (one in all without groupBy), a point for every bucket of the period. */
  async trend(request: TrendRequest) {
    const summed = await this.metrics.groupedSums(request, { dimension: request.groupBy, bucket: request.bucket }, 'bucket');
    const { timezone } = summed;
    const pointsOf = (byBucket: Map<number, ItemSums>) =>
      summed.bucketStarts.map((start) => ({
        bucket: formatInstant(start, timezone),
        value: computeMetrics(byBucket.get(start) ?? emptySums())[request.metric],
      }));
    const series = request.groupBy
      ? [...summed.groups].map(([key, byBucket]) => ({ key: { [request.groupBy!]: key === '' ? null : key }, points: pointsOf(byBucket) }))
      : [{ key: {}, points: pointsOf(summed.groups.get('') ?? new Map()) }];
    return {
      metric: request.metric,
      definition: METRIC_DEFINITIONS[request.metric],
      bucket: request.bucket,
      timezone,
      from: formatInstant(request.from, timezone),
      to: formatInstant(request.to, timezone),
      series,
    };
  }
}
