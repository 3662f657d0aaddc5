import { createHash } from 'node:crypto';
import { DISPOSITIONS, type CallEventInput, type Disposition, type FlowOutReason } from '../../contract';
import { millis, type ContactTraceRecord } from './ctr-schema';
import { syntheticHolds } from './synthetic-holds';

export interface CtrMappingOptions {
  tenant?: string;
  /** The record of `NextContactId`, when known: tells a transfer or a callback apart and names `toQueue`. */
  next?: ContactTraceRecord;
}

/**
 * The events of one contact record: one leg, opened at `Queue.EnqueueTimestamp` (README.md).
 * Pure: the same record (and next record) always gives the same events, with ids derived from
 * the `ContactId` and the event's kind, so a re-sent or updated record replaces its events.
 */
export function ctrToEvents(record: ContactTraceRecord, options: CtrMappingOptions = {}): CallEventInput[] {
  const queue = queueOf(record);
  const offeredAt = millis(record.Queue?.EnqueueTimestamp);
  // No queue visit (an IVR-only or outbound contact): no leg to report.
  if (queue === undefined || offeredAt === undefined) return [];
  const { next } = options;
  const contact = idPart(record.ContactId);
  const common = { callId: idPart(record.InitialContactId ?? record.ContactId), ...(options.tenant ? { tenant: options.tenant } : {}) };
  const event = (kind: string, at: number): EventBase => ({
    eventId: `connect:${contact}:${kind}`,
    ts: new Date(at).toISOString(),
    ...common,
  });
  const attributes = attributesOf(record);
  const customer = record.CustomerEndpoint;

  const events: CallEventInput[] = [
    {
      ...event('offered', offeredAt),
      type: 'call.offered',
      queue,
      ...(customer?.Type === 'TELEPHONE_NUMBER' && customer.Address ? { customerId: customer.Address } : {}),
      ...(attributes.category ? { category: attributes.category.slice(0, 64) } : {}),
      ...(record.Channel ? { channel: record.Channel.toLowerCase().slice(0, 32) } : {}),
    },
  ];

  const agent = record.Agent;
  const answeredAt = millis(agent?.ConnectedToAgentTimestamp);
  if (agent == null || answeredAt === undefined) {
    const leftAt = millis(record.Queue?.DequeueTimestamp) ?? millis(record.DisconnectTimestamp);
    // One id for abandoned and flowed out alike, so an updated record that reads otherwise replaces the first reading.
    if (leftAt !== undefined) events.push(unanswered(record, next, event('left_queue', leftAt), queue));
    return events;
  }
  const agentId = idPart(agent.Username ?? agent.ARN!.split('/').pop()!);
  events.push({ ...event('answered', answeredAt), type: 'call.answered', queue, agentId });

  const acwStartAt = millis(agent.AfterContactWorkStartTimestamp);
  const acwEndAt = millis(agent.AfterContactWorkEndTimestamp);
  const transferAt = transferTime(record, next, answeredAt);
  const talkEndAt = transferAt ?? acwStartAt ?? millis(record.DisconnectTimestamp);
  // Still talking when the record was written: the leg waits for an updated record.
  if (talkEndAt === undefined) return events;

  const holds = syntheticHolds(answeredAt, talkEndAt, {
    count: agent.NumberOfHolds,
    totalSeconds: agent.CustomerHoldDuration,
    longestSeconds: agent.LongestHoldDuration,
  });
  for (const [index, hold] of holds.entries()) {
    events.push({ ...event(`hold_started:${index + 1}`, hold.start), type: 'call.hold_started', agentId });
    events.push({ ...event(`hold_ended:${index + 1}`, hold.end), type: 'call.hold_ended', agentId });
  }

  if (transferAt !== undefined) {
    const toQueue = next && millis(next.Queue?.EnqueueTimestamp) !== undefined ? queueOf(next) : undefined;
    // METRICS.md: a leg ended by transfer has no after-call work, so the agent's ACW on it is not reported.
    events.push({ ...event('talk_ended', transferAt), type: 'call.transferred', agentId, ...(toQueue ? { toQueue } : {}) });
    return events;
  }
  const endedBy = ENDED_BY[record.DisconnectReason ?? ''];
  const wrapup = acwStartAt !== undefined || acwEndAt !== undefined;
  events.push({
    ...event('talk_ended', talkEndAt),
    type: 'call.ended',
    agentId,
    ...(endedBy ? { endedBy } : {}),
    ...(wrapup ? {} : { wrapup: false }),
  });
  if (acwEndAt !== undefined) {
    events.push({
      ...event('wrapup_completed', Math.max(acwEndAt, talkEndAt)),
      type: 'call.wrapup_completed',
      agentId,
      disposition: dispositionOf(attributes.disposition),
    });
  }
  return events;
}

/**
 * The events of many contacts, one array per record in the same order; each record's next
 * contact is looked up among them (by `NextContactId`, or a record naming it as `PreviousContactId`).
 */
export function contactsToEvents(records: readonly ContactTraceRecord[], options: { tenant?: string } = {}): CallEventInput[][] {
  const byId = new Map(records.map((record) => [record.ContactId, record]));
  const byPrevious = new Map(records.flatMap((record) => (record.PreviousContactId ? [[record.PreviousContactId, record] as const] : [])));
  return records.map((record) =>
    ctrToEvents(record, {
      ...options,
      next: (record.NextContactId ? byId.get(record.NextContactId) : undefined) ?? byPrevious.get(record.ContactId),
    }),
  );
}

/**
 * One record per `ContactId`: the one with the latest `LastUpdateTimestamp` (AWS re-sends and
 * updates records); at equal times the later in the input. In order of each contact's first appearance.
 */
export function latestByContact<T extends ContactTraceRecord>(records: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const record of records) {
    const kept = latest.get(record.ContactId);
    if (kept === undefined || updatedAt(record) >= updatedAt(kept)) latest.set(record.ContactId, record);
  }
  return [...latest.values()];
}

const ENDED_BY: Record<string, 'customer' | 'agent'> = { CUSTOMER_DISCONNECT: 'customer', AGENT_DISCONNECT: 'agent' };

interface EventBase {
  eventId: string;
  ts: string;
  callId: string;
  tenant?: string;
}

function unanswered(record: ContactTraceRecord, next: ContactTraceRecord | undefined, common: EventBase, queue: string): CallEventInput {
  const flowedOut = (reason?: FlowOutReason): CallEventInput => ({
    ...common,
    type: 'call.flowed_out',
    queue,
    ...(reason ? { reason } : {}),
  });
  // A next contact means the caller went on: a callback they asked for, or a flow moving them to another queue.
  if (next?.InitiationMethod === 'CALLBACK') return flowedOut('key');
  if (record.NextContactId || next || record.TransferCompletedTimestamp) return flowedOut('overflow');
  switch (record.DisconnectReason ?? 'CUSTOMER_DISCONNECT') {
    // AWS: an abandoned contact is one enqueued and never connected to an agent; a missing reason reads so too.
    case 'CUSTOMER_DISCONNECT':
      return { ...common, type: 'call.abandoned', queue };
    case 'CONTACT_FLOW_DISCONNECT':
    case 'EXPIRED':
      return flowedOut('timeout');
    default:
      return flowedOut();
  }
}

/**
 * When the leg's talk ended by transfer, else undefined. A transfer is a `TransferCompletedTimestamp`
 * or a next contact initiated by TRANSFER / QUEUE_TRANSFER; its talk ends at the earliest of the
 * transfer, the ACW start, the disconnect and the next leg's enqueue, so the next leg's answer never
 * precedes it (the event model has one talking agent per call: a consult's overlap goes to the next leg).
 */
function transferTime(record: ContactTraceRecord, next: ContactTraceRecord | undefined, answeredAt: number): number | undefined {
  const transferredToNext = next?.InitiationMethod === 'TRANSFER' || next?.InitiationMethod === 'QUEUE_TRANSFER';
  if (!record.TransferCompletedTimestamp && !transferredToNext) return undefined;
  const candidates = [
    millis(record.TransferCompletedTimestamp),
    millis(record.Agent?.AfterContactWorkStartTimestamp),
    millis(record.DisconnectTimestamp),
    transferredToNext ? millis(next?.Queue?.EnqueueTimestamp) : undefined,
  ].filter((at): at is number => at !== undefined);
  return candidates.length > 0 ? Math.max(answeredAt, Math.min(...candidates)) : undefined;
}

function queueOf(record: ContactTraceRecord): string | undefined {
  const name = record.Queue?.Name || record.Queue?.ARN?.split('/').pop();
  return name ? name.slice(0, 128) : undefined;
}

/** Attribute values by lower-cased key (contact attributes are free-form; `Disposition` and `disposition` alike). */
function attributesOf(record: ContactTraceRecord): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(record.Attributes ?? {})) {
    if (typeof value === 'string' && value.trim() !== '') values[key.toLowerCase()] = value.trim();
  }
  return values;
}

/** The `disposition` attribute when it names one of EVENTS.md's; otherwise `resolved` (README.md: resolution is then judged by repeat calls). */
function dispositionOf(value: string | undefined): Disposition {
  const normalised = value?.toLowerCase().replace(/[\s-]+/g, '_');
  return DISPOSITIONS.find((disposition) => disposition === normalised) ?? 'resolved';
}

/** Ids and names within EVENTS.md's 128 characters: AWS allows 256, so a longer one is replaced by its hash. */
function idPart(value: string): string {
  return value.length <= 100 ? value : createHash('sha256').update(value).digest('hex').slice(0, 40);
}

function updatedAt(record: ContactTraceRecord): number {
  return millis(record.LastUpdateTimestamp) ?? Number.NEGATIVE_INFINITY;
}
