import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams, periodParams, refinePeriod } from '../common/query-params';
import { METRIC_NAMES } from '../metrics/metric-definitions';
import { groupKeySchema } from '../metrics/metrics.schema';
import { BUCKET_KINDS } from '../metrics/sql/buckets';
import { DIMENSIONS } from '../metrics/sql/metric-items';

export const trendsQuerySchema = z
  .object({
    ...periodParams,
    ...filterParams,
    metric: z.enum(METRIC_NAMES).describe('any figure of /metrics'),
    bucket: z.enum(BUCKET_KINDS).default('day').describe('time bucket, in the timezone `tz`'),
    groupBy: z.enum(DIMENSIONS).optional().describe('one series per queue, agent, team or category; one series without'),
  })
  .strict()
  .superRefine((value, context) => refinePeriod(value, context));
export class TrendsQueryDto extends createZodDto(trendsQuerySchema) {}

export const trendsResponseSchema = z.object({
  metric: z.string(),
  definition: z.string().describe("the metric's METRICS.md definition"),
  bucket: z.string(),
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  series: z.array(
    z.object({
      key: groupKeySchema.describe('the group ({} without groupBy)'),
      points: z.array(z.object({ bucket: z.string().describe('local bucket start, RFC 3339'), value: z.number().nullable() })),
    }),
  ),
});
export class TrendsResponseDto extends createZodDto(trendsResponseSchema) {}
