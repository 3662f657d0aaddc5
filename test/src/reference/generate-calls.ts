import { generateAgentStates } from './generate-agent-states';
import { EventWriter, type GeneratedEvent } from './generated-event';
import { SeededRandom } from './seeded-random';

export type { GeneratedEvent } from './generated-event';

export interface GenerateOptions {
  seed: number;
  /** How many calls (callIds with a `call.offered`); a few orphan events come on top. */
  calls: number;
  /** First possible offer: RFC 3339 or epoch ms. Every event lies within 6 h before it and 1 day after `start + days`. */
  start: string | number;
  days: number;
  /** At least two. */
  queues: readonly string[];
  agents: readonly string[];
  teams: readonly string[];
  /** Distinct callers; default half of `calls`, so repeats fall both inside and beyond a week. */
  customers?: number;
  /** Waits and abandons land exactly on these (and 1 ms either side) now and then: service-level and short-abandon edges. */
  edgeWaitSeconds?: readonly number[];
  /** Prefix of every callId and eventId, so that two generated sets never collide. */
  prefix?: string;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const CATEGORIES = ['emergency', 'complaint', 'inquiry', 'consultation', 'fault', 'order', 'cancellation', 'billing-dispute'];
const DISPOSITIONS = ['resolved', 'unresolved', 'escalated', 'callback_scheduled'];
const FLOW_OUT_REASONS = ['timeout', 'key', 'no_agents', 'overflow'];

interface CallPlan {
  callId: string;
  offeredAt: number;
  customerId: string | undefined;
  category: string | undefined;
}

interface LegResult {
  /** True when the leg produced a final handling (a wrap-up, or an end with no wrap-up expected). */
  finalHandling: boolean;
  next?: { queue: string; at: number };
}

interface Context {
  random: SeededRandom;
  options: GenerateOptions;
  edges: readonly number[];
  events: GeneratedEvent[];
}

/** EVENTS.md events for `calls` seeded calls over `days` days, plus every agent's state changes; deterministic for a seed. */
export function generateCalls(options: GenerateOptions): GeneratedEvent[] {
  if (options.queues.length < 2) throw new Error('generateCalls needs at least two queues (transfers and flow-outs move between them)');
  const context: Context = { random: new SeededRandom(options.seed), options, edges: options.edgeWaitSeconds ?? [5, 20], events: [] };
  const startMs = typeof options.start === 'number' ? options.start : Date.parse(options.start);
  const endMs = startMs + options.days * DAY_MS;
  for (const plan of planCalls(context, startMs, endMs)) simulateCall(context, plan);
  writeOrphans(context, startMs, endMs);
  generateAgentStates(context.events, context.random, { ...options, startMs, endMs });
  return context.events;
}

/** Every event twice (equal copies), in a seeded random order: what at-least-once delivery may hand the API. */
export function duplicateAndShuffle<T>(events: readonly T[], seed: number): T[] {
  return new SeededRandom(seed).shuffle(events.flatMap((event) => [event, structuredClone(event)]));
}

function planCalls({ random, options }: Context, startMs: number, endMs: number): CallPlan[] {
  const prefix = options.prefix ?? 'g';
  const customers = options.customers ?? Math.max(1, Math.floor(options.calls / 2));
  const plans: CallPlan[] = [];
  for (let index = 0; index < options.calls; index++) {
    const callId = `${prefix}c${index}`;
    const earlier = plans.length > 0 ? random.pick(plans) : undefined;
    if (earlier?.customerId && random.chance(0.04)) {
      // Repeats exactly on, or 1 ms past, the FCR windows' edges (168 h default, 72 h in tests' custom queue).
      const gap = random.pick([168 * HOUR_MS, 168 * HOUR_MS + 1, 72 * HOUR_MS, 72 * HOUR_MS + 1, random.int(60_000, 10 * DAY_MS)]);
      if (earlier.offeredAt + gap < endMs) {
        const category = random.chance(0.5) ? earlier.category : random.pick(CATEGORIES);
        plans.push({ callId, offeredAt: earlier.offeredAt + gap, customerId: earlier.customerId, category });
        continue;
      }
    }
    const offeredAt = startMs + Math.floor(random.next() * (endMs - startMs));
    if (random.chance(0.12)) {
      plans.push({
        callId,
        offeredAt,
        customerId: random.pick([undefined, '']),
        category: random.chance(0.7) ? random.pick(CATEGORIES) : undefined,
      });
      continue;
    }
    const customer = random.int(0, customers - 1);
    const usualCategory = CATEGORIES[customer % CATEGORIES.length]!;
    const category = random.chance(0.5) ? usualCategory : random.pick(CATEGORIES);
    plans.push({ callId, offeredAt, customerId: customerIdOf(customer), category });
  }
  return plans;
}

function customerIdOf(customer: number): string {
  return `+86138${String(customer).padStart(8, '0')}`;
}

function simulateCall(context: Context, plan: CallPlan): void {
  const { random, options } = context;
  const call = new EventWriter(context.events, random, `${plan.callId}-e`, { callId: plan.callId });
  let queue = random.pick(options.queues);
  let at = plan.offeredAt;
  let finalHandling = false;
  for (let legIndex = 0; legIndex < 3; legIndex++) {
    call.write('call.offered', at, { queue, ...offeredFields(random, plan, legIndex) });
    const result = simulateLeg(context, call, queue, at);
    finalHandling ||= result.finalHandling;
    if (!result.next) break;
    ({ queue, at } = result.next);
  }
  if (!finalHandling || !random.chance(0.35)) return;
  const surveyCount = random.chance(0.03) ? 2 : 1;
  for (let survey = 0; survey < surveyCount; survey++) {
    const resolved = random.chance(0.6) ? random.chance(0.65) : undefined;
    call.write('survey.completed', call.lastAt + random.int(30_000, 1_800_000), { score: random.int(1, 5), resolved });
  }
}

/** Later legs sometimes repeat the caller and category, sometimes not: the first leg's (or first known) ones must win. */
function offeredFields(random: SeededRandom, plan: CallPlan, legIndex: number): Record<string, unknown> {
  if (legIndex === 0) return { customerId: plan.customerId, category: plan.category, channel: random.chance(0.1) ? 'chat' : undefined };
  let customerId: string | undefined;
  if (plan.customerId) customerId = random.chance(0.6) ? plan.customerId : undefined;
  else if (random.chance(0.15)) customerId = customerIdOf(99_999);
  let category: string | undefined = plan.category;
  if (random.chance(0.5)) category = random.chance(0.5) ? random.pick(CATEGORIES) : undefined;
  return { customerId, category };
}

function simulateLeg(context: Context, call: EventWriter, queue: string, offeredAt: number): LegResult {
  const { random, options } = context;
  const roll = random.next();
  if (roll < 0.03) return { finalHandling: false };
  if (roll < 0.15) {
    call.write('call.abandoned', offeredAt + abandonWait(context), { queue });
    return { finalHandling: false };
  }
  if (roll < 0.24) {
    const outAt = offeredAt + (random.chance(0.2) ? edgeWait(context) : random.int(20_000, 300_000));
    call.write('call.flowed_out', outAt, { queue, reason: random.chance(0.9) ? random.pick(FLOW_OUT_REASONS) : undefined });
    if (random.chance(0.15)) return { finalHandling: false, next: { queue, at: outAt + random.int(60_000, HOUR_MS) } };
    if (random.chance(0.4)) return { finalHandling: false };
    return {
      finalHandling: false,
      next: { queue: otherQueue(random, options.queues, queue), at: random.chance(0.5) ? outAt : outAt + random.int(1, 5000) },
    };
  }
  return simulateAnsweredLeg(context, call, queue, offeredAt);
}

function simulateAnsweredLeg(context: Context, call: EventWriter, queue: string, offeredAt: number): LegResult {
  const { random, options } = context;
  const agentId = random.pick(options.agents);
  const answeredAt = offeredAt + (random.chance(0.25) ? edgeWait(context) : random.int(0, 120_000));
  call.write('call.answered', answeredAt, { queue, agentId });
  // Outcome events after the first one are ignored: a late abandon, a second answer.
  if (random.chance(0.01)) call.write('call.abandoned', answeredAt + random.int(0, 10_000), { queue });
  if (random.chance(0.01)) call.write('call.answered', answeredAt + random.int(1, 2000), { queue, agentId: random.pick(options.agents) });
  if (random.chance(0.01)) return { finalHandling: false };

  const talkEndAt = answeredAt + random.int(20_000, 900_000);
  writeHolds(random, call, agentId, answeredAt, talkEndAt);
  if (random.chance(0.12)) {
    const toQueue = random.chance(0.8) ? otherQueue(random, options.queues, queue) : undefined;
    call.write('call.transferred', talkEndAt, { agentId, toQueue });
    if (!toQueue) return { finalHandling: false };
    return { finalHandling: false, next: { queue: toQueue, at: random.chance(0.5) ? talkEndAt : talkEndAt + random.int(1, 3000) } };
  }
  const wrapupTracked = random.chance(0.9);
  call.write('call.ended', talkEndAt, {
    agentId,
    endedBy: random.pick(['customer', 'agent', undefined]),
    wrapup: wrapupTracked ? undefined : false,
  });
  if (random.chance(0.02)) call.write('call.hold_started', talkEndAt + random.int(1, 500), { agentId });
  if (!wrapupTracked) return { finalHandling: true };
  if (random.chance(0.03)) return { finalHandling: false };
  const wrapupAt = talkEndAt + (random.chance(0.05) ? 0 : random.int(1000, 180_000));
  call.write('call.wrapup_completed', wrapupAt, {
    agentId,
    disposition: random.pick(DISPOSITIONS),
    category: random.chance(0.3) ? random.pick(CATEGORIES) : undefined,
  });
  return { finalHandling: true };
}

/** 0–3 holds in separate slots of the talk; the last one sometimes still open when the talk ends. */
function writeHolds(random: SeededRandom, call: EventWriter, agentId: string, answeredAt: number, talkEndAt: number): void {
  const count = random.int(0, 3);
  const slot = Math.floor((talkEndAt - answeredAt) / (count + 1));
  for (let hold = 0; hold < count; hold++) {
    const startAt = answeredAt + slot * hold + random.int(1, Math.floor(slot / 2));
    call.write('call.hold_started', startAt, { agentId });
    if (hold === count - 1 && random.chance(0.3)) continue;
    call.write('call.hold_ended', startAt + random.int(1000, Math.floor(slot / 2) - 1), { agentId });
  }
}

function abandonWait(context: Context): number {
  const roll = context.random.next();
  if (roll < 0.3) return context.random.int(0, 4999);
  if (roll < 0.5) return edgeWait(context);
  return context.random.int(5001, 300_000);
}

function edgeWait({ random, edges }: Context): number {
  return random.pick(edges) * 1000 + random.pick([0, 0, 0, -1, 1]);
}

function otherQueue(random: SeededRandom, queues: readonly string[], queue: string): string {
  return random.pick(queues.filter((candidate) => candidate !== queue));
}

/** Events that fit no leg or no call: a survey of a call never offered, an answer in a queue the call never visited. */
function writeOrphans(context: Context, startMs: number, endMs: number): void {
  const { random, options } = context;
  const prefix = options.prefix ?? 'g';
  for (let index = 0; index < Math.ceil(options.calls / 200); index++) {
    const at = startMs + Math.floor(random.next() * (endMs - startMs));
    const stray = new EventWriter(context.events, random, `${prefix}orphan${index}-e`, { callId: `${prefix}orphan${index}` });
    stray.write('survey.completed', at, { score: random.int(1, 5) });
    const visited = new EventWriter(context.events, random, `${prefix}c${index}-orphan`, { callId: `${prefix}c${index}` });
    visited.write('call.answered', at, { queue: 'never-visited', agentId: random.pick(options.agents) });
  }
}
