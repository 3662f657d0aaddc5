import fc from 'fast-check';
import type { LiveEvent } from './live-event';
import {
  AGENT_QUEUE_MEMBERSHIP_MS,
  LiveState,
  OFFLINE_AGENT_RETENTION_MS,
  STALE_WAIT_MS,
  type AgentPresence,
  type WaitingView,
} from './live-state';

// EVENTS.md "Delivery": the live state must not depend on arrival order or duplicates.

const BASE = Date.parse('2026-11-22T01:00:00.000Z');
const STEP = 30_000;
const QUEUES = ['A', 'B', 'C'];
const OUTCOMES = ['call.answered', 'call.abandoned', 'call.flowed_out'];
// Every call event lies in [BASE, BASE + 10 min] and is applied at BASE + 10 min: none is older than
// SETTLED_CALL_RETENTION_MS (15 min) when it arrives, so the drop of old offers of unknown calls never applies.
const APPLY_AT = BASE + 20 * STEP;

type Draft = Omit<LiveEvent, 'eventId'>;
const blank = { tenant: 'default', callId: '', queue: '', agentId: '', state: '', team: '', reason: '' };

// Few ids and coarse 30 s steps, so that ties in ts (and several legs per call) are common.
const callEventArb: fc.Arbitrary<Draft> = fc
  .record({
    type: fc.constantFrom('call.offered', 'call.offered', ...OUTCOMES),
    callId: fc.constantFrom('c-1', 'c-2', 'c-3', 'c-4'),
    queue: fc.constantFrom(...QUEUES),
    step: fc.integer({ min: 0, max: 20 }),
    agentId: fc.constantFrom('a-1', 'a-2', 'a-3', 'a-9'),
  })
  .map(({ type, callId, queue, step, agentId }) => ({
    ...blank,
    type,
    callId,
    queue,
    ts: BASE + step * STEP,
    agentId: type === 'call.answered' ? agentId : '',
  }));

// Agent states reach back 2 h in 10 min steps (so that ties are common); offline agents drop off within the query times below.
const agentEventArb = (teams: string[]): fc.Arbitrary<Draft> =>
  fc
    .record({
      agentId: fc.constantFrom('a-1', 'a-2', 'a-3'),
      state: fc.constantFrom('available', 'on_call', 'wrap_up', 'break', 'offline'),
      step: fc.integer({ min: -12, max: 1 }).map((tens) => tens * 20),
      team: fc.constantFrom('', ...teams),
      reason: fc.constantFrom('', 'lunch'),
    })
    .map(({ agentId, state, step, team, reason }) => ({
      ...blank,
      type: 'agent.state_changed',
      agentId,
      state,
      ts: BASE + step * STEP,
      team,
      reason,
    }));

const eventsArb = (teams: string[]): fc.Arbitrary<LiveEvent[]> =>
  fc
    .array(fc.oneof(callEventArb, agentEventArb(teams)), { minLength: 1, maxLength: 30 })
    .map((drafts) => drafts.map((draft, index) => ({ ...draft, eventId: `e${index}` })));

/** An arrival order: every event at least once, some several times, shuffled. */
const arrivalArb = (events: LiveEvent[]): fc.Arbitrary<LiveEvent[]> =>
  fc
    .array(fc.nat({ max: events.length - 1 }), { maxLength: events.length })
    .chain((duplicates) => fc.shuffledSubarray([...events.keys(), ...duplicates], { minLength: events.length + duplicates.length }))
    .map((indices) => indices.map((index) => events[index]!));

// Views are read from 10 min to 14 h after BASE (half the time before 4 h 10 min, while legs can still wait):
// across STALE_WAIT_MS, AGENT_QUEUE_MEMBERSHIP_MS and OFFLINE_AGENT_RETENTION_MS.
const queryAtArb = fc
  .oneof(fc.integer({ min: 20, max: 4 * 120 + 20 }), fc.integer({ min: 20, max: 14 * 120 }))
  .map((step) => BASE + step * STEP);

const byTs = (events: LiveEvent[]) => [...events].sort((a, b) => a.ts - b.ts);

function stateOf(events: LiveEvent[]): LiveState {
  const state = new LiveState();
  for (const event of events) state.apply(event, APPLY_AT);
  return state;
}

interface Views {
  waiting: Record<string, WaitingView>;
  agents: Record<string, AgentPresence[]>;
}

function views(state: LiveState, at: number): Views {
  const waiting: Views['waiting'] = {};
  const agents: Views['agents'] = {};
  for (const queue of ['*', ...QUEUES]) {
    waiting[queue] = state.waiting(queue === '*' ? undefined : queue, at);
    agents[queue] = state.agents(queue === '*' ? undefined : queue, at);
  }
  return { waiting, agents };
}

const later = (a: LiveEvent, b: LiveEvent) => a.ts > b.ts || (a.ts === b.ts && a.eventId > b.eventId);

/** Each call's latest leg if nothing settled it, worked out from the definition, not from LiveState. */
function waitingLegs(events: LiveEvent[]): LiveEvent[] {
  const legs: LiveEvent[] = [];
  for (const callId of new Set(events.map((event) => event.callId).filter(Boolean))) {
    const offers = events.filter((event) => event.callId === callId && event.type === 'call.offered');
    // Equal times ordered by queue name, as the ClickHouse snapshot's argMax(queue, (ts, queue)) does.
    const latest = offers.reduce<LiveEvent | undefined>(
      (best, offer) => (!best || offer.ts > best.ts || (offer.ts === best.ts && offer.queue > best.queue) ? offer : best),
      undefined,
    );
    if (!latest) continue;
    const settled = events.some(
      (event) => event.callId === callId && OUTCOMES.includes(event.type) && event.queue === latest.queue && event.ts >= latest.ts,
    );
    if (!settled) legs.push(latest);
  }
  return legs;
}

function expectedWaiting(events: LiveEvent[], at: number): Views['waiting'] {
  const legs = waitingLegs(events).filter((leg) => leg.ts >= at - STALE_WAIT_MS);
  const waiting: Views['waiting'] = {};
  for (const queue of ['*', ...QUEUES]) {
    const here = legs.filter((leg) => queue === '*' || leg.queue === queue);
    waiting[queue] = { waitingNow: here.length, oldestOfferedAt: here.length ? Math.min(...here.map((leg) => leg.ts)) : null };
  }
  return waiting;
}

interface ExpectedAgent {
  agentId: string;
  state: string;
  since: number;
  reason: string;
  team: string | undefined;
}

function expectedAgents(events: LiveEvent[], queue: string | undefined, at: number): ExpectedAgent[] {
  const shown: ExpectedAgent[] = [];
  for (const agentId of ['a-1', 'a-2', 'a-3', 'a-9']) {
    const states = events.filter((event) => event.type === 'agent.state_changed' && event.agentId === agentId);
    if (states.length === 0) continue;
    const last = states.reduce((best, event) => (later(event, best) ? event : best));
    if (last.state === 'offline' && last.ts < at - OFFLINE_AGENT_RETENTION_MS) continue;
    const answeredHere = events.some(
      (event) =>
        event.type === 'call.answered' && event.agentId === agentId && event.queue === queue && event.ts >= at - AGENT_QUEUE_MEMBERSHIP_MS,
    );
    if (queue !== undefined && !answeredHere) continue;
    const named = states.filter((event) => event.team !== '');
    const teamAt = Math.max(...named.map((event) => event.ts));
    const teams = new Set(named.filter((event) => event.ts === teamAt).map((event) => event.team));
    const team = named.length === 0 ? '' : teams.size === 1 ? [...teams][0] : undefined;
    shown.push({ agentId, state: last.state, since: last.ts, reason: last.reason, team });
  }
  return shown;
}

function summary(agents: AgentPresence[], expected: ExpectedAgent[]): ExpectedAgent[] {
  return agents.map((agent, index) => ({
    agentId: agent.agentId,
    state: agent.state,
    since: agent.since,
    reason: agent.reason,
    team: expected[index]?.team === undefined ? undefined : agent.team,
  }));
}

function expectMatchesDefinition(state: LiveState, events: LiveEvent[], at: number): void {
  const actual = views(state, at);
  expect(actual.waiting).toEqual(expectedWaiting(events, at));
  for (const queue of ['*', ...QUEUES]) {
    const expected = expectedAgents(events, queue === '*' ? undefined : queue, at);
    expect(summary(actual.agents[queue] ?? [], expected)).toEqual(expected);
  }
}

describe('LiveState order independence', () => {
  it('gives the same waiting and agent views for any arrival order with duplicates as for one ts-ordered copy', () => {
    fc.assert(
      fc.property(
        eventsArb(['blue', 'green']).chain((events) => fc.tuple(fc.constant(events), arrivalArb(events), queryAtArb)),
        ([events, arrival, at]) => {
          const ordered = stateOf(byTs(events));
          expect(views(stateOf(arrival), at)).toEqual(views(ordered, at));
          expectMatchesDefinition(ordered, events, at);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matches the definitions when no two events name different teams at the same ts', () => {
    fc.assert(
      fc.property(
        eventsArb(['blue']).chain((events) => fc.tuple(fc.constant(events), arrivalArb(events), queryAtArb)),
        ([events, arrival, at]) => {
          expect(views(stateOf(arrival), at)).toEqual(views(stateOf(byTs(events)), at));
          expectMatchesDefinition(stateOf(arrival), events, at);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same views from a snapshot plus overlapping replayed events as from the events alone', () => {
    fc.assert(
      fc.property(
        eventsArb(['blue']).chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.integer({ min: -240, max: 21 }),
            fc.integer({ min: 0, max: 261 }),
            arrivalArb(events),
            queryAtArb,
          ),
        ),
        ([events, replayFromStep, overlapSteps, arrival, at]) => {
          // ClickHouse holds the events before storedUntil; the replay brings those from replayFrom on, in any order.
          const replayFrom = BASE + replayFromStep * STEP;
          const storedUntil = replayFrom + overlapSteps * STEP;
          const restored = new LiveState();
          restoreSnapshot(
            restored,
            events.filter((event) => event.ts < storedUntil),
          );
          for (const event of arrival) if (event.ts >= replayFrom) restored.apply(event, APPLY_AT);
          expect(views(restored, at)).toEqual(views(stateOf(byTs(events)), at));
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** What live.repository's snapshot reads from the stored events, worked out here from the events themselves. */
function restoreSnapshot(state: LiveState, stored: LiveEvent[]): void {
  for (const leg of waitingLegs(stored)) state.restoreWaiting(leg.callId, leg.queue, leg.ts);
  for (const agentId of new Set(stored.map((event) => event.agentId).filter(Boolean))) {
    const states = stored.filter((event) => event.type === 'agent.state_changed' && event.agentId === agentId);
    if (states.length > 0) {
      const last = states.reduce((best, event) => (later(event, best) ? event : best));
      const named = states.filter((event) => event.team !== '');
      const lastNamed = named.reduce<LiveEvent | undefined>((best, event) => (!best || later(event, best) ? event : best), undefined);
      state.restoreAgent({
        agentId,
        state: last.state,
        since: last.ts,
        reason: last.reason,
        eventId: last.eventId,
        team: lastNamed?.team ?? '',
        teamAt: lastNamed?.ts ?? 0,
        teamEventId: lastNamed?.eventId ?? '',
      });
    }
    for (const queue of QUEUES) {
      const answers = stored.filter((event) => event.type === 'call.answered' && event.agentId === agentId && event.queue === queue);
      if (answers.length > 0) state.restoreAnswer(agentId, queue, Math.max(...answers.map((event) => event.ts)));
    }
  }
}
