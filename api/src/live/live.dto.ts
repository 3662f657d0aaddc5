import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams, instantParam } from '../common/query-params';
import { BANDS } from '../settings/bands';
import { THRESHOLD_METRICS } from '../settings/settings.schema';
import { liveSchema } from './live.schema';

const MAX_ALERTS = 500;

export const liveQuerySchema = z
  .object({
    tenant: filterParams.tenant,
    queue: filterParams.queue.describe('only these queues (repeatable); default every queue known today'),
  })
  .strict();
export class LiveQueryDto extends createZodDto(liveQuerySchema) {}
export class LiveDto extends createZodDto(liveSchema) {}

/** What a socket sends to choose its queues (also accepted as the handshake's `auth`). */
export const subscriptionSchema = z
  .object({
    tenant: filterParams.tenant,
    queues: z
      .array(z.string().min(1).max(128))
      .max(200)
      .optional()
      .describe('the queues to follow; omitted: every queue, with the centre totals'),
  })
  .strict();
export type Subscription = z.infer<typeof subscriptionSchema>;

export const alertsQuerySchema = z
  .object({
    tenant: filterParams.tenant,
    queue: filterParams.queue,
    from: instantParam.optional().describe('default: 24 hours before now'),
    to: instantParam.optional().describe('default: now'),
    limit: z.coerce.number().int().min(1).max(MAX_ALERTS).default(100).describe(`newest first, at most ${MAX_ALERTS}`),
  })
  .strict();
export class AlertsQueryDto extends createZodDto(alertsQuerySchema) {}

export const alertSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  at: z.string().describe('when the crossing was seen, RFC 3339'),
  queue: z.string(),
  metric: z.enum(THRESHOLD_METRICS),
  window: z.enum(['now', 'today']).describe('the figure as it is now (waitingNow, longestWaitSeconds) or over today'),
  level: z.enum(BANDS).describe('the band the figure entered'),
  previousLevel: z.enum(BANDS),
  direction: z.enum(['worse', 'better']),
  value: z.number(),
  amber: z.number(),
  red: z.number(),
});
export const alertsResponseSchema = z.object({ alerts: z.array(alertSchema) });
export class AlertsResponseDto extends createZodDto(alertsResponseSchema) {}
