import { z } from 'zod';
import { timestampSchema } from './timestamp';

export const CALL_CATEGORIES = ['emergency', 'complaint', 'inquiry', 'consultation', 'fault', 'order', 'cancellation'] as const;
export const AGENT_STATES = ['available', 'on_call', 'wrap_up', 'break', 'offline'] as const;
export const DISPOSITIONS = ['resolved', 'unresolved', 'escalated', 'callback_scheduled'] as const;
export const FLOW_OUT_REASONS = ['timeout', 'key', 'no_agents', 'overflow'] as const;
export const ENDED_BY = ['customer', 'agent'] as const;

export type CallCategory = (typeof CALL_CATEGORIES)[number];
export type AgentState = (typeof AGENT_STATES)[number];
export type Disposition = (typeof DISPOSITIONS)[number];
export type FlowOutReason = (typeof FLOW_OUT_REASONS)[number];

/** Producers commonly send `null` for "not given"; it is read as absent, never as a value. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

const id = z.string().min(1).max(128);
const name = z.string().min(1).max(128);
/** Empty means "none" (an anonymous caller, no category), as EVENTS.md allows. */
const emptyAsNone = (max: number) => optional(z.string().max(max)).transform((value) => value || undefined);

const common = {
  eventId: id,
  ts: timestampSchema,
  tenant: optional(z.string().min(1).max(64)).transform((value) => value ?? 'default'),
};
const callCommon = { ...common, callId: id };

// looseObject: unknown extra fields are kept (forward compatibility) and ignored by the metrics.
export const eventSchemas = {
  'call.offered': z.looseObject({
    ...callCommon,
    type: z.literal('call.offered'),
    queue: name,
    customerId: emptyAsNone(128),
    category: emptyAsNone(64),
    channel: optional(z.string().min(1).max(32)).transform((value) => value ?? 'voice'),
  }),
  'call.answered': z.looseObject({ ...callCommon, type: z.literal('call.answered'), queue: name, agentId: id }),
  'call.abandoned': z.looseObject({ ...callCommon, type: z.literal('call.abandoned'), queue: name }),
  'call.flowed_out': z.looseObject({
    ...callCommon,
    type: z.literal('call.flowed_out'),
    queue: name,
    reason: optional(z.enum(FLOW_OUT_REASONS)),
  }),
  'call.hold_started': z.looseObject({ ...callCommon, type: z.literal('call.hold_started'), agentId: id }),
  'call.hold_ended': z.looseObject({ ...callCommon, type: z.literal('call.hold_ended'), agentId: id }),
  'call.transferred': z.looseObject({ ...callCommon, type: z.literal('call.transferred'), agentId: id, toQueue: optional(name) }),
  'call.ended': z.looseObject({
    ...callCommon,
    type: z.literal('call.ended'),
    agentId: id,
    endedBy: optional(z.enum(ENDED_BY)),
    wrapup: optional(z.boolean()).transform((value) => value ?? true),
  }),
  'call.wrapup_completed': z.looseObject({
    ...callCommon,
    type: z.literal('call.wrapup_completed'),
    agentId: id,
    disposition: z.enum(DISPOSITIONS),
    category: emptyAsNone(64),
  }),
  'survey.completed': z.looseObject({
    ...callCommon,
    type: z.literal('survey.completed'),
    score: z.int().min(1).max(5),
    resolved: optional(z.boolean()),
  }),
  'agent.state_changed': z.looseObject({
    ...common,
    type: z.literal('agent.state_changed'),
    agentId: id,
    state: z.enum(AGENT_STATES),
    team: optional(name),
    reason: emptyAsNone(64),
  }),
} as const;

export type EventType = keyof typeof eventSchemas;
export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];

/** Any event as a producer writes it (EVENTS.md): `ts` as RFC 3339 text or epoch milliseconds. */
export const callEventSchema = z.discriminatedUnion(
  'type',
  Object.values(eventSchemas) as [(typeof eventSchemas)[EventType], ...(typeof eventSchemas)[EventType][]],
);
export type CallEventInput = z.input<typeof callEventSchema>;
/** A validated event: `ts` in UTC epoch milliseconds, defaults applied, `null`s read as absent. */
export type CallEvent = z.output<typeof callEventSchema>;
export type EventOfType<T extends EventType> = z.output<(typeof eventSchemas)[T]>;

/** The fields each type defines; anything else on an event is an unknown extra. */
export const KNOWN_FIELDS = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, new Set(Object.keys(eventSchemas[type].shape))]),
) as unknown as Record<EventType, ReadonlySet<string>>;
