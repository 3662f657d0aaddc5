import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams, instantParam, periodParams, refinePeriod } from '../common/query-params';
import { metricsSchema, groupKeySchema } from '../metrics/metrics.schema';
import { METRIC_NAMES } from '../metrics/metric-definitions';
import { DIMENSIONS } from '../metrics/sql/metric-items';
import { AGAINST } from './baseline-period';

export const compareQuerySchema = z
  .object({
    ...periodParams,
    ...filterParams,
    against: z
      .enum(AGAINST)
      .default('previous')
      .describe('the baseline: the previous period, a week earlier, a year earlier, or againstFrom/againstTo'),
    againstFrom: instantParam.optional().describe('baseline start when against=custom'),
    againstTo: instantParam.optional().describe('baseline end (exclusive) when against=custom'),
    groupBy: z.enum(DIMENSIONS).optional().describe('also compare each queue, agent, team or category'),
  })
  .strict()
  .superRefine((value, context) => {
    refinePeriod(value, context);
    if (value.against !== 'custom') {
      if (value.againstFrom !== undefined || value.againstTo !== undefined) {
        context.addIssue({ code: 'custom', path: ['against'], message: 'againstFrom/againstTo need against=custom' });
      }
      return;
    }
    if (value.againstFrom === undefined)
      context.addIssue({ code: 'custom', path: ['againstFrom'], message: 'is required when against=custom' });
    if (value.againstTo === undefined)
      context.addIssue({ code: 'custom', path: ['againstTo'], message: 'is required when against=custom' });
    if (value.againstFrom !== undefined && value.againstTo !== undefined) {
      refinePeriod({ from: value.againstFrom, to: value.againstTo }, context, { from: 'againstFrom', to: 'againstTo' });
    }
  });
export class CompareQueryDto extends createZodDto(compareQuerySchema) {}

const changeSchema = z.object({
  current: z.number().nullable(),
  baseline: z.number().nullable(),
  delta: z.number().nullable().describe('current − baseline; null if either is null'),
  relative: z.number().nullable().describe('delta / baseline; null if the baseline is 0 or null'),
  better: z
    .boolean()
    .nullable()
    .describe(
      'true if the change is an improvement (lower is better for abandonmentRate, asaSeconds, ahtSeconds; higher for serviceLevel, fcrRate, csatMean, csatRate); null when unchanged or the figure has no better direction',
    ),
});
const changesSchema = z.object(Object.fromEntries(METRIC_NAMES.map((name) => [name, changeSchema])));
const periodTotals = z.object({ from: z.string(), to: z.string(), totals: metricsSchema });

export const compareResponseSchema = z.object({
  timezone: z.string(),
  current: periodTotals,
  baseline: periodTotals,
  changes: changesSchema,
  groups: z
    .array(z.object({ key: groupKeySchema, current: metricsSchema, baseline: metricsSchema, changes: changesSchema }))
    .optional()
    .describe('with groupBy: each key found in either period'),
});
export class CompareResponseDto extends createZodDto(compareResponseSchema) {}
