import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const dependencyCheckSchema = z.object({
  ok: z.boolean(),
  ms: z.number().describe('how long the check took, or was waited for (each gives up after 2 s)'),
  error: z.string().optional(),
});

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    clickHouse: dependencyCheckSchema.describe('a SELECT 1 answered'),
    kafka: dependencyCheckSchema.optional().describe('Kafka mode only: a broker answered a metadata request'),
    ingestLag: z
      .object({
        ok: z.boolean(),
        seconds: z.number().describe('age of the oldest event not yet stored in ClickHouse (api/README.md "Ingest lag")'),
        messages: z.number().int().describe('events not yet stored in ClickHouse'),
        limit: z.number().describe('CALLBOARD_READY_MAX_LAG_SECONDS'),
      })
      .describe('ok while seconds ≤ limit'),
  }),
});
export class ReadinessDto extends createZodDto(readinessSchema) {}

export const livenessSchema = z.object({ status: z.literal('ok'), mode: z.enum(['embedded', 'production']) });
export class LivenessDto extends createZodDto(livenessSchema) {}
