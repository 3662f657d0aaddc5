import { AGENT_STATES, type AgentState } from '@callboard/ingest';
import type { LiveEvent } from './live-event';

/** An agent who answered a leg of a queue this recently counts among that queue's agents. */
export const AGENT_QUEUE_MEMBERSHIP_MS = 12 * 3_600_000;
/** Logged-off agents stay on the board this long, then drop off it. */
export const OFFLINE_AGENT_RETENTION_MS = 12 * 3_600_000;
/** An agent's last state change is looked for this far back (at start) and remembered this long. */
export const AGENT_STATE_LOOKBACK_MS = 7 * 24 * 3_600_000;
/**
 * A leg still waiting after this long has lost its outcome event: no real queue holds a caller
 * for 4 h. Call events older than this cannot change what shows, so they are ignored.
 */
export const STALE_WAIT_MS = 4 * 3_600_000;
/**
 * How long a call that stopped waiting is remembered, so a late copy of its offer cannot reopen
 * it: as long as an offer can still count, which keeps the state independent of arrival order.
 */
export const SETTLED_CALL_RETENTION_MS = STALE_WAIT_MS;

const OUTCOME_TYPES = new Set(['call.answered', 'call.abandoned', 'call.flowed_out']);

interface CallPresence {
  /** The call's latest leg: a caller waits in one queue at a time. */
  offeredQueue: string;
  offeredAt: number;
  /** Latest answer, abandon or flow-out per queue. */
  outcomeAt: Map<string, number>;
  lastSeenAt: number;
}

export interface AgentPresence {
  agentId: string;
  state: AgentState;
  since: number;
  reason: string;
  team: string;
  /** Latest answer per queue (METRICS.md attributes agents to queues through the legs they answer). */
  answeredAt: Map<string, number>;
  // Ties at equal ts are broken by eventId so that any arrival order gives the same state.
  stateEventId: string;
  teamAt: number;
  teamEventId: string;
}

/** What an event changed: the queues whose live figures moved, and whether an agent did. */
export interface LiveChange {
  queues: Set<string>;
  agents: boolean;
}

export interface WaitingView {
  waitingNow: number;
  /** Offered time of the longest-waiting leg, or null when nobody waits. */
  oldestOfferedAt: number | null;
}

/**
 * One tenant's instantaneous state: who is waiting where, and each agent's state. Every update
 * is a max over event times, so the state is the same for any arrival order and any number of
 * duplicates, which is what lets a restart replay events over a ClickHouse snapshot.
 */
export class LiveState {
  private readonly calls = new Map<string, CallPresence>();
  /** The calls of `calls` that are waiting: views read only these. */
  private readonly waitingCalls = new Map<string, CallPresence>();
  private readonly callQueues = new Set<string>();
  private readonly agentsById = new Map<string, AgentPresence>();

  apply(event: LiveEvent, now: number): LiveChange {
    const change: LiveChange = { queues: new Set(), agents: false };
    if (event.type === 'agent.state_changed') {
      if (event.ts >= now - AGENT_STATE_LOOKBACK_MS) this.applyAgentState(event, change);
    } else if (event.type === 'call.offered') this.applyOffer(event, now, change);
    else if (OUTCOME_TYPES.has(event.type)) this.applyOutcome(event, now, change);
    if (event.type === 'call.answered' && event.agentId) this.applyAnswer(event, change);
    return change;
  }

  waiting(queue: string | undefined, now: number): WaitingView {
    let waitingNow = 0;
    let oldestOfferedAt: number | null = null;
    for (const call of this.waitingCalls.values()) {
      if (queue !== undefined && call.offeredQueue !== queue) continue;
      if (call.offeredAt < now - STALE_WAIT_MS) continue;
      waitingNow += 1;
      if (oldestOfferedAt === null || call.offeredAt < oldestOfferedAt) oldestOfferedAt = call.offeredAt;
    }
    return { waitingNow, oldestOfferedAt };
  }

  /** Agents on the board (all of them, or those who served `queue` lately), by id. */
  agents(queue: string | undefined, now: number): AgentPresence[] {
    const shown = [...this.agentsById.values()].filter(
      (agent) =>
        Number.isFinite(agent.since) &&
        (agent.state !== 'offline' || agent.since >= now - OFFLINE_AGENT_RETENTION_MS) &&
        (queue === undefined || (agent.answeredAt.get(queue) ?? -Infinity) >= now - AGENT_QUEUE_MEMBERSHIP_MS),
    );
    return shown.sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  }

  /** Every queue the state knows: with a waiting or recent call, or with an agent who served it. */
  queues(): Set<string> {
    const queues = new Set(this.callQueues);
    for (const agent of this.agentsById.values()) for (const queue of agent.answeredAt.keys()) queues.add(queue);
    return queues;
  }

  /** From the start-up snapshot: a call whose latest leg had no outcome in ClickHouse. */
  restoreWaiting(callId: string, queue: string, offeredAt: number): void {
    const call = this.calls.get(callId);
    if (call && call.offeredAt >= offeredAt) return;
    this.track(callId, {
      offeredQueue: queue,
      offeredAt,
      outcomeAt: call?.outcomeAt ?? new Map(),
      lastSeenAt: Math.max(offeredAt, call?.lastSeenAt ?? -Infinity),
    });
  }

  /** From the start-up snapshot: a recent outcome, so that a replayed offer produced after it arrives settled. */
  restoreOutcome(callId: string, queue: string, outcomeAt: number): void {
    const call = this.calls.get(callId);
    if (!call) {
      this.track(callId, { offeredQueue: queue, offeredAt: -Infinity, outcomeAt: new Map([[queue, outcomeAt]]), lastSeenAt: outcomeAt });
    } else if ((call.outcomeAt.get(queue) ?? -Infinity) < outcomeAt) {
      call.outcomeAt.set(queue, outcomeAt);
      call.lastSeenAt = Math.max(call.lastSeenAt, outcomeAt);
      this.track(callId, call);
    }
  }

  /** From the start-up snapshot: an agent's latest state, and the latest change that named a team. */
  restoreAgent(row: {
    agentId: string;
    state: string;
    since: number;
    reason: string;
    eventId: string;
    team: string;
    teamAt: number;
    teamEventId?: string;
  }): void {
    const change: LiveChange = { queues: new Set(), agents: false };
    const base = { tenant: '', type: 'agent.state_changed', callId: '', queue: '', agentId: row.agentId };
    this.applyAgentState({ ...base, eventId: row.eventId, ts: row.since, state: row.state, reason: row.reason, team: '' }, change);
    if (row.team) this.applyAgentTeam(this.agent(row.agentId), row.team, row.teamAt, row.teamEventId ?? '');
  }

  /** From the start-up snapshot: the agent's latest answer in `queue`. */
  restoreAnswer(agentId: string, queue: string, answeredAt: number): void {
    const agent = this.agent(agentId);
    agent.answeredAt.set(queue, Math.max(answeredAt, agent.answeredAt.get(queue) ?? -Infinity));
  }

  isEmpty(): boolean {
    return this.calls.size === 0 && this.agentsById.size === 0;
  }

  /** Forgets what no longer shows; returns the queues whose figures that changes. */
  prune(now: number): Set<string> {
    const changed = new Set<string>();
    this.callQueues.clear();
    for (const [callId, call] of this.calls) {
      const stale = isWaiting(call) ? call.offeredAt < now - STALE_WAIT_MS : call.lastSeenAt < now - SETTLED_CALL_RETENTION_MS;
      if (!stale) {
        if (Number.isFinite(call.offeredAt)) this.callQueues.add(call.offeredQueue);
        continue;
      }
      this.calls.delete(callId);
      this.waitingCalls.delete(callId);
      if (isWaiting(call)) changed.add(call.offeredQueue);
    }
    for (const [agentId, agent] of this.agentsById) {
      for (const [queue, at] of agent.answeredAt) if (at < now - AGENT_QUEUE_MEMBERSHIP_MS) agent.answeredAt.delete(queue);
      // A logged-off agent is hidden after OFFLINE_AGENT_RETENTION_MS but remembered, so a late copy of an older state cannot bring them back.
      if (agent.since < now - AGENT_STATE_LOOKBACK_MS && agent.answeredAt.size === 0) this.agentsById.delete(agentId);
    }
    return changed;
  }

  private applyOffer(event: LiveEvent, now: number, change: LiveChange): void {
    if (event.ts < now - STALE_WAIT_MS) return;
    const call = this.calls.get(event.callId);
    if (!call) {
      this.track(event.callId, { offeredQueue: event.queue, offeredAt: event.ts, outcomeAt: new Map(), lastSeenAt: event.ts });
      change.queues.add(event.queue);
      return;
    }
    call.lastSeenAt = Math.max(call.lastSeenAt, event.ts);
    const later = event.ts > call.offeredAt || (event.ts === call.offeredAt && event.queue > call.offeredQueue);
    if (!later) return;
    change.queues.add(call.offeredQueue).add(event.queue);
    call.offeredQueue = event.queue;
    call.offeredAt = event.ts;
    this.track(event.callId, call);
  }

  private applyOutcome(event: LiveEvent, now: number, change: LiveChange): void {
    if (event.ts < now - STALE_WAIT_MS) return;
    const call = this.calls.get(event.callId);
    if (!call) {
      // The outcome came first (any order is allowed): remember it so the offer arrives settled.
      const outcomeAt = new Map([[event.queue, event.ts]]);
      this.track(event.callId, { offeredQueue: event.queue, offeredAt: -Infinity, outcomeAt, lastSeenAt: event.ts });
      return;
    }
    call.lastSeenAt = Math.max(call.lastSeenAt, event.ts);
    if ((call.outcomeAt.get(event.queue) ?? -Infinity) >= event.ts) return;
    const wasWaiting = isWaiting(call);
    call.outcomeAt.set(event.queue, event.ts);
    this.track(event.callId, call);
    if (wasWaiting !== isWaiting(call)) change.queues.add(call.offeredQueue);
  }

  private track(callId: string, call: CallPresence): void {
    this.calls.set(callId, call);
    if (Number.isFinite(call.offeredAt)) this.callQueues.add(call.offeredQueue);
    if (isWaiting(call)) this.waitingCalls.set(callId, call);
    else this.waitingCalls.delete(callId);
  }

  private applyAgentState(event: LiveEvent, change: LiveChange): void {
    if (!isAgentState(event.state)) return;
    const agent = this.agent(event.agentId);
    if (event.team) this.applyAgentTeam(agent, event.team, event.ts, event.eventId);
    const later = event.ts > agent.since || (event.ts === agent.since && event.eventId > agent.stateEventId);
    if (!later) return;
    agent.state = event.state;
    agent.since = event.ts;
    agent.reason = event.reason;
    agent.stateEventId = event.eventId;
    change.agents = true;
    for (const queue of agent.answeredAt.keys()) change.queues.add(queue);
  }

  private applyAgentTeam(agent: AgentPresence, team: string, at: number, eventId: string): void {
    if (at < agent.teamAt || (at === agent.teamAt && eventId <= agent.teamEventId)) return;
    agent.team = team;
    agent.teamAt = at;
    agent.teamEventId = eventId;
  }

  private applyAnswer(event: LiveEvent, change: LiveChange): void {
    const agent = this.agent(event.agentId);
    const previous = agent.answeredAt.get(event.queue);
    if (previous !== undefined && previous >= event.ts) return;
    agent.answeredAt.set(event.queue, event.ts);
    if (previous === undefined) {
      change.agents = true;
      change.queues.add(event.queue);
    }
  }

  private agent(agentId: string): AgentPresence {
    let agent = this.agentsById.get(agentId);
    if (!agent) {
      // Known only from an answer so far: on a call, since an unknown time.
      agent = {
        agentId,
        state: 'on_call',
        since: -Infinity,
        reason: '',
        team: '',
        answeredAt: new Map(),
        stateEventId: '',
        teamAt: -Infinity,
        teamEventId: '',
      };
      this.agentsById.set(agentId, agent);
    }
    return agent;
  }
}

function isWaiting(call: CallPresence): boolean {
  return Number.isFinite(call.offeredAt) && (call.outcomeAt.get(call.offeredQueue) ?? -Infinity) < call.offeredAt;
}

const AGENT_STATE_SET = new Set<string>(AGENT_STATES);
function isAgentState(state: string): state is AgentState {
  return AGENT_STATE_SET.has(state);
}
