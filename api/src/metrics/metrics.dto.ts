import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams, periodParams, refinePeriod } from '../common/query-params';
import { BUCKET_KINDS } from './sql/buckets';
import { DIMENSIONS } from './sql/metric-items';
import { groupKeySchema, metricsSchema } from './metrics.schema';

export const GROUP_BY_VALUES = [...DIMENSIONS, ...BUCKET_KINDS] as const;

export const metricsQuerySchema = z
  .object({
    ...periodParams,
    ...filterParams,
    groupBy: z.enum(GROUP_BY_VALUES).optional().describe('a dimension, or a time bucket in the timezone `tz`'),
  })
  .strict()
  .superRefine((value, context) => refinePeriod(value, context));
export class MetricsQueryDto extends createZodDto(metricsQuerySchema) {}

export const metricsResponseSchema = z.object({
  from: z.string().describe('period start, RFC 3339 in the timezone'),
  to: z.string().describe('period end (exclusive)'),
  timezone: z.string(),
  totals: metricsSchema,
  groups: z.array(z.object({ key: groupKeySchema }).extend(metricsSchema.shape)),
});
export class MetricsResponseDto extends createZodDto(metricsResponseSchema) {}
