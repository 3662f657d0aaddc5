import { z } from 'zod';
import { AGENT_STATES } from '@callboard/ingest';
import { metricsSchema } from '../metrics/metrics.schema';
import { BANDS } from '../settings/bands';
import { THRESHOLD_METRICS } from '../settings/settings.schema';

const instant = z.string().describe('RFC 3339 with the centre timezone offset');

export const liveAgentSchema = z.object({
  agentId: z.string(),
  team: z.string().nullable().describe('from the latest agent.state_changed that named one'),
  state: z.enum(AGENT_STATES),
  since: instant.describe('when the agent entered this state'),
  secondsInState: z.number().describe('at − since'),
  reason: z.string().nullable().describe('break reason code, if the state change gave one'),
});

export const agentsByStateSchema = z
  .object(Object.fromEntries(AGENT_STATES.map((state) => [state, z.number().int()])) as Record<(typeof AGENT_STATES)[number], z.ZodNumber>)
  .describe('count of agents in each state');

export const liveFiguresSchema = z.object({
  waitingNow: z
    .number()
    .int()
    .describe('legs offered and not yet answered, abandoned or flowed out (a call waits in its latest queue only)'),
  longestWaitSeconds: z.number().describe("now − the oldest waiting leg's offered time (0 when nobody waits)"),
  oldestWaitingSince: instant
    .nullable()
    .describe('offered time of the longest-waiting leg: a screen can tick the longest wait between pushes'),
  agentsByState: agentsByStateSchema,
  agents: z
    .array(liveAgentSchema)
    .describe('agents on the board: for a queue, those who answered one of its legs in the last 12 h; logged-off agents for 12 h'),
  today: metricsSchema.describe('every figure over "today" in the centre timezone, up to now'),
  last15m: metricsSchema.describe('every figure over the 15 minutes ending now'),
  last60m: metricsSchema.describe('every figure over the 60 minutes ending now'),
  bands: z
    .record(z.enum(THRESHOLD_METRICS), z.enum(BANDS).nullable())
    .describe("each watched figure's green / amber / red band (waitingNow and longestWaitSeconds now, the rest today); null: no value"),
  settings: z
    .object({
      serviceLevelSeconds: z.number(),
      serviceLevelTarget: z.number().describe('the goal shown beside service level'),
      thresholds: z.record(z.enum(THRESHOLD_METRICS), z.object({ amber: z.number(), red: z.number() })),
    })
    .describe('the settings these figures and bands follow (the centre defaults for the totals)'),
});

export const liveQueueSchema = liveFiguresSchema.extend({ queue: z.string() });

export const liveSchema = z.object({
  at: instant.describe('when these figures were computed'),
  tenant: z.string(),
  timezone: z.string(),
  ingestLagSeconds: z
    .number()
    .describe(
      'age of the oldest event not yet stored in ClickHouse, to a tenth of a second (0: none pending); see api/README.md "Ingest lag"',
    ),
  ingestLagMessages: z.number().int().describe('events not yet stored in ClickHouse'),
  queues: z.array(liveQueueSchema),
  totals: liveFiguresSchema
    .optional()
    .describe('the same over every queue (bands against the default thresholds); only for callers who may see every queue'),
});

export const heartbeatSchema = z.object({
  at: z.string().describe('RFC 3339, UTC'),
  ingestLagSeconds: liveSchema.shape.ingestLagSeconds,
});

export type LiveAgent = z.infer<typeof liveAgentSchema>;
export type LiveFigures = z.infer<typeof liveFiguresSchema>;
export type LiveQueue = z.infer<typeof liveQueueSchema>;
export type Live = z.infer<typeof liveSchema>;
/** The Socket.IO `heartbeat` payload: sent every second whatever happens. */
export type Heartbeat = z.infer<typeof heartbeatSchema>;
