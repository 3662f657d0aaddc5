import { AgentDirectory, STAFFED_STATES, type AgentStateInterval } from './reference-agents';
import { bucketIndexOf, bucketKey, bucketStarts } from './reference-buckets';
import { buildCalls, type CallFacts, type LegFacts } from './reference-calls';
import { dedupe, epochMillis } from './reference-events';
import { decideFirstContacts } from './reference-fcr';
import { Tally, type Metrics } from './reference-tally';

export type { Metrics } from './reference-tally';

export interface QueueSettings {
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  fcrWindowHours: number;
  fcrSameCategoryOnly: boolean;
}

export const DEFAULT_SETTINGS: QueueSettings = {
  serviceLevelSeconds: 20,
  shortAbandonSeconds: 5,
  fcrWindowHours: 168,
  fcrSameCategoryOnly: false,
};

export type GroupBy = 'queue' | 'agent' | 'team' | 'category' | 'hour' | 'day' | 'week' | 'month' | 'interval15m';

export interface ReferenceOptions {
  /** RFC 3339; the period is [from, to). */
  from: string;
  to: string;
  /** IANA name: the zone of time buckets. */
  timezone: string;
  groupBy?: GroupBy;
  /** Epoch ms: decides whether an FCR window has passed, and ends agents' open states. */
  now: number;
  settingsFor?: (queue: string) => QueueSettings;
}

export type GroupKey = Record<string, string | null>;

export interface ReferenceResult {
  totals: Metrics;
  groups: Array<{ key: GroupKey; metrics: Metrics }>;
}

/** Where a leg or a call-level figure belongs (METRICS-READING.md, "Attribution"). */
interface Attribution {
  at: number;
  queue: string;
  agent: string | null;
  team: string | null;
  category: string | null;
}

/** METRICS.md over one period, computed from raw events with no shared code: dedupe → legs → facts → calls → attribution → sums. */
export function referenceMetrics(events: ReadonlyArray<Record<string, unknown>>, options: ReferenceOptions): ReferenceResult {
  const settingsFor = options.settingsFor ?? (() => DEFAULT_SETTINGS);
  const from = requiredMillis(options.from);
  const to = requiredMillis(options.to);
  const inPeriod = (at: number) => at >= from && at < to;

  const unique = dedupe(events);
  const agents = new AgentDirectory(unique);
  const calls = buildCalls(unique);
  const firstContacts = decideFirstContacts(calls, settingsFor, options.now);

  const totals = new Tally();
  const groups = options.groupBy ? createGrouping(options.groupBy, from, to, options.timezone) : null;
  for (const call of calls) {
    for (const leg of call.legs) {
      if (!inPeriod(leg.offeredAt)) continue;
      const settings = settingsFor(leg.queue);
      totals.addLeg(leg, settings);
      groups?.tallyFor(legAttribution(leg, call, agents)).addLeg(leg, settings);
    }
    const firstContact = firstContacts.get(call.callId);
    if (!inPeriod(call.firstOfferedAt) || (firstContact === undefined && call.surveys.length === 0)) continue;
    totals.addCall(call, firstContact);
    groups?.tallyFor(callAttribution(call, agents)).addCall(call, firstContact);
  }
  for (const interval of agents.intervals(options.now)) {
    totals.addStateTime(interval.state, overlapMs(interval.from, interval.to, from, to));
    groups?.addStateTime(interval);
  }
  return { totals: totals.metrics(), groups: groups?.list() ?? [] };
}

function requiredMillis(time: string): number {
  const millis = epochMillis(time);
  if (millis === undefined) throw new Error(`not an RFC 3339 time: ${time}`);
  return millis;
}

function legAttribution(leg: LegFacts, call: CallFacts, agents: AgentDirectory): Attribution {
  return {
    at: leg.offeredAt,
    queue: leg.queue,
    agent: leg.agentId,
    team: leg.answeredAt === null ? null : agents.teamAt(leg.agentId, leg.answeredAt),
    category: call.category,
  };
}

function callAttribution(call: CallFacts, agents: AgentDirectory): Attribution {
  const handling = call.finalHandling;
  return {
    at: call.firstOfferedAt,
    queue: call.firstQueue,
    agent: handling?.agentId ?? null,
    team: handling ? agents.teamAt(handling.agentId, handling.at) : null,
    category: call.category,
  };
}

function overlapMs(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

interface Grouping {
  tallyFor(where: Attribution): Tally;
  addStateTime(interval: AgentStateInterval): void;
  list(): Array<{ key: GroupKey; metrics: Metrics }>;
}

function createGrouping(groupBy: GroupBy, from: number, to: number, timezone: string): Grouping {
  if (groupBy === 'queue' || groupBy === 'agent' || groupBy === 'team' || groupBy === 'category') {
    return attributeGrouping(groupBy, from, to);
  }
  return bucketGrouping(bucketStarts(from, to, timezone, groupBy), from, to, timezone);
}

/** Groups appear once something belongs to them; agents and teams also by staffed time. */
function attributeGrouping(attribute: 'queue' | 'agent' | 'team' | 'category', from: number, to: number): Grouping {
  const tallies = new Map<string | null, Tally>();
  const tallyOf = (value: string | null) => {
    const tally = tallies.get(value) ?? new Tally();
    tallies.set(value, tally);
    return tally;
  };
  return {
    tallyFor: (where) => tallyOf(where[attribute]),
    addStateTime(interval) {
      const ms = overlapMs(interval.from, interval.to, from, to);
      if (ms === 0 || !STAFFED_STATES.has(interval.state)) return;
      if (attribute === 'agent') tallyOf(interval.agentId).addStateTime(interval.state, ms);
      if (attribute === 'team') tallyOf(interval.team).addStateTime(interval.state, ms);
    },
    list: () =>
      [...tallies.entries()]
        .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
        .map(([value, tally]) => ({ key: { [attribute]: value }, metrics: tally.metrics() })),
  };
}

/** Every bucket is listed, empty ones too; only the part of a bucket inside the period counts. */
function bucketGrouping(starts: readonly number[], from: number, to: number, timezone: string): Grouping {
  const tallies = starts.map(() => new Tally());
  return {
    tallyFor: (where) => tallies[bucketIndexOf(starts, where.at)]!,
    addStateTime(interval) {
      if (overlapMs(interval.from, interval.to, from, to) === 0) return;
      for (let index = bucketIndexOf(starts, interval.from); index < starts.length && starts[index]! < interval.to; index++) {
        const bucketEnd = starts[index + 1] ?? to;
        const ms = overlapMs(interval.from, interval.to, Math.max(starts[index]!, from), Math.min(bucketEnd, to));
        if (ms > 0) tallies[index]!.addStateTime(interval.state, ms);
      }
    },
    list: () => starts.map((start, index) => ({ key: { bucket: bucketKey(start, timezone) }, metrics: tallies[index]!.metrics() })),
  };
}
