import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams, periodParams, refinePeriod } from '../common/query-params';
import { FCR_STATUSES, LEG_OUTCOMES } from './calls.sql';

const repeatableEnum = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .describe(description);

export const callsQuerySchema = z
  .object({
    ...periodParams,
    ...filterParams,
    outcome: repeatableEnum(LEG_OUTCOMES, 'only calls with a leg of this outcome in the period (repeatable)'),
    fcr: repeatableEnum(FCR_STATUSES, 'only calls of this first-contact-resolution status (repeatable)'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('calls per page, 1–500'),
    cursor: z.string().max(400).optional().describe('nextCursor of the previous page'),
  })
  .strict()
  .superRefine((value, context) => refinePeriod(value, context));
export class CallsQueryDto extends createZodDto(callsQuerySchema) {}

export const callIdParamSchema = z.object({ callId: z.string().min(1).max(128) });
export class CallIdParamDto extends createZodDto(callIdParamSchema) {}
export class TenantQueryDto extends createZodDto(z.object({ tenant: filterParams.tenant, tz: periodParams.tz }).strict()) {}

const legSummary = z.object({
  queue: z.string(),
  offeredAt: z.string(),
  outcome: z.enum(['answered', 'abandoned', 'flowed_out', 'waiting']),
  agent: z.string().nullable(),
  waitSeconds: z.number().nullable(),
});

export const callSummarySchema = z.object({
  callId: z.string(),
  firstOfferedAt: z.string(),
  queue: z.string().describe("the first leg's queue"),
  category: z.string().nullable().describe("the last wrap-up's category if one was given, else the first leg's offered category"),
  customer: z.string().nullable().describe('the hashed customerId (never the number itself); null for an anonymous caller'),
  agent: z.string().nullable().describe('the agent who wrapped the call up last'),
  legs: z.array(legSummary),
  handleSeconds: z.number().describe('handle time summed over handled legs'),
  fcr: z.enum(FCR_STATUSES).nullable().describe('null: not (yet) handled to the end'),
  surveyScore: z.number().nullable(),
  surveyResolved: z.boolean().nullable(),
});

export const callsPageSchema = z.object({
  calls: z.array(callSummarySchema),
  nextCursor: z.string().nullable().describe('pass as cursor for the next page; null on the last page'),
});
export class CallsPageDto extends createZodDto(callsPageSchema) {}

const legDetail = legSummary.extend({
  legId: z.string(),
  outcomeAt: z.string().nullable(),
  talkSeconds: z.number().nullable(),
  holdSeconds: z.number().nullable(),
  acwSeconds: z.number().nullable(),
  handleSeconds: z.number().nullable().describe('null until the leg is handled'),
  endedBy: z.enum(['transfer', 'end', 'end_without_wrapup']).nullable(),
  disposition: z.string().nullable(),
});

export const callDetailSchema = callSummarySchema.extend({
  legs: z.array(legDetail),
  events: z.array(z.record(z.string(), z.unknown()).describe('the call event as stored, customerId withheld')),
});
export class CallDetailDto extends createZodDto(callDetailSchema) {}
