import { z } from 'zod';
import { METRIC_DEFINITIONS, METRIC_NAMES, metricKind, RATIO_NOTE, type MetricName } from './metric-definitions';

export function isCount(name: MetricName): boolean {
  return metricKind(name) === 'count';
}

/** Every figure of METRICS.md, each described by its definition. */
export const metricsSchema = z
  .object(
    Object.fromEntries(
      METRIC_NAMES.map((name) => [
        name,
        isCount(name) || name === 'occupiedSeconds' || name === 'staffedSeconds'
          ? z.number().describe(METRIC_DEFINITIONS[name])
          : z.number().nullable().describe(`${METRIC_DEFINITIONS[name]}. ${RATIO_NOTE}`),
      ]),
    ) as unknown as Record<MetricName, z.ZodType<number | null>>,
  )
  .describe('The figures of METRICS.md over one period and group');
export type Metrics = Record<MetricName, number | null>;

export const groupKeySchema = z
  .record(z.string(), z.string().nullable())
  .describe('{queue}, {agent}, {team} or {category} (null: legs without one, e.g. unanswered), or {bucket: local start, RFC 3339}');
