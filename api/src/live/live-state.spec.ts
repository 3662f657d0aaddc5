import type { LiveEvent } from './live-event';
import { AGENT_QUEUE_MEMBERSHIP_MS, LiveState, OFFLINE_AGENT_RETENTION_MS, SETTLED_CALL_RETENTION_MS, STALE_WAIT_MS } from './live-state';

const T = Date.parse('2026-11-22T01:00:00.000Z');
const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

let sequence = 0;
function callEvent(type: string, callId: string, queue: string, ts: number, agentId = ''): LiveEvent {
  sequence += 1;
  return { tenant: 'default', eventId: `c${sequence}`, type, ts, callId, queue, agentId, state: '', team: '', reason: '' };
}
const offered = (callId: string, queue: string, ts: number) => callEvent('call.offered', callId, queue, ts);
const answered = (callId: string, queue: string, ts: number, agentId = 'a-1') => callEvent('call.answered', callId, queue, ts, agentId);

function agentEvent(agentId: string, state: string, ts: number, more: Partial<LiveEvent> = {}): LiveEvent {
  sequence += 1;
  return {
    tenant: 'default',
    eventId: `s${sequence}`,
    type: 'agent.state_changed',
    ts,
    callId: '',
    queue: '',
    agentId,
    state,
    team: '',
    reason: '',
    ...more,
  };
}

function stateOf(events: LiveEvent[], now: number): LiveState {
  const state = new LiveState();
  for (const event of events) state.apply(event, now);
  return state;
}

const agentSummary = (state: LiveState, queue: string | undefined, now: number) =>
  state
    .agents(queue, now)
    .map(({ agentId, state: agentState, since, team, reason }) => ({ agentId, state: agentState, since, team, reason }));

describe('LiveState waiting calls', () => {
  const now = T + 2 * MINUTE;

  it('counts an offered call as waiting until it is answered, abandoned or flows out', () => {
    for (const outcome of ['call.answered', 'call.abandoned', 'call.flowed_out']) {
      const state = new LiveState();
      state.apply(offered('c-1', 'billing', T), now);
      state.apply(offered('c-2', 'billing', T + 10 * SECOND), now);
      // Two offered, none settled: 2 waiting, the oldest offered at T.
      expect(state.waiting('billing', now)).toEqual({ waitingNow: 2, oldestOfferedAt: T });
      state.apply(callEvent(outcome, 'c-1', 'billing', T + 30 * SECOND, 'a-1'), now);
      // c-1 settled: only c-2 waits, so the oldest is now its offer at T + 10 s.
      expect(state.waiting('billing', now)).toEqual({ waitingNow: 1, oldestOfferedAt: T + 10 * SECOND });
      expect(state.waiting(undefined, now).waitingNow).toBe(1);
    }
  });

  it('has nobody waiting in a queue without calls', () => {
    const state = stateOf([offered('c-1', 'billing', T)], now);
    expect(state.waiting('sales', now)).toEqual({ waitingNow: 0, oldestOfferedAt: null });
  });

  it('keeps a call waiting in its latest queue only', () => {
    const state = stateOf([offered('c-1', 'A', T), offered('c-1', 'B', T + 20 * SECOND)], now);
    expect(state.waiting('A', now).waitingNow).toBe(0);
    expect(state.waiting('B', now)).toEqual({ waitingNow: 1, oldestOfferedAt: T + 20 * SECOND });
    expect(state.waiting(undefined, now).waitingNow).toBe(1);
  });

  it('breaks a tie between two legs offered at the same ts by queue name, as the snapshot query does', () => {
    const events = [offered('c-1', 'B', T), offered('c-1', 'A', T)];
    for (const order of [events, [...events].reverse()]) {
      const state = stateOf(order, now);
      expect(state.waiting('A', now).waitingNow).toBe(0);
      expect(state.waiting('B', now).waitingNow).toBe(1);
    }
  });

  it('reopens a call offered again to a queue it flowed out of earlier', () => {
    const state = stateOf(
      [offered('c-1', 'A', T), callEvent('call.flowed_out', 'c-1', 'A', T + 10 * SECOND), offered('c-1', 'A', T + 20 * SECOND)],
      now,
    );
    expect(state.waiting('A', now)).toEqual({ waitingNow: 1, oldestOfferedAt: T + 20 * SECOND });
  });

  it('leaves a call settled when its outcome arrives before its offer', () => {
    const state = new LiveState();
    state.apply(answered('c-1', 'billing', T + 12 * SECOND), now);
    state.apply(offered('c-1', 'billing', T), now);
    expect(state.waiting('billing', now)).toEqual({ waitingNow: 0, oldestOfferedAt: null });
  });

  it('is not changed by duplicates', () => {
    const events = [offered('c-1', 'A', T), offered('c-2', 'A', T + SECOND), answered('c-2', 'A', T + 5 * SECOND)];
    const state = stateOf(events, now);
    const changes = [...events].reverse().map((event) => state.apply(event, now));
    expect(changes.every((change) => change.queues.size === 0 && !change.agents)).toBe(true);
    expect(state.waiting('A', now)).toEqual({ waitingNow: 1, oldestOfferedAt: T });
  });

  it('reports the queues whose waiting figures moved', () => {
    const state = new LiveState();
    expect(state.apply(offered('c-1', 'A', T), now).queues).toEqual(new Set(['A']));
    expect(state.apply(offered('c-1', 'B', T + SECOND), now).queues).toEqual(new Set(['A', 'B']));
    expect(state.apply(callEvent('call.abandoned', 'c-1', 'B', T + 2 * SECOND), now).queues).toEqual(new Set(['B']));
  });

  it('stops counting a leg offered more than STALE_WAIT_MS ago', () => {
    const state = stateOf([offered('c-1', 'A', T), offered('c-2', 'A', T + HOUR)], T + MINUTE);
    // At T + 4 h the first leg has waited exactly 4 h: still counted; 1 ms later it is stale.
    expect(state.waiting('A', T + STALE_WAIT_MS)).toEqual({ waitingNow: 2, oldestOfferedAt: T });
    expect(state.waiting('A', T + STALE_WAIT_MS + 1)).toEqual({ waitingNow: 1, oldestOfferedAt: T + HOUR });
  });
});

describe('LiveState agents', () => {
  const now = T + HOUR;

  it('takes the latest state whatever the arrival order, ties broken by eventId', () => {
    const events = [
      agentEvent('a-1', 'available', T, { team: 'blue' }),
      agentEvent('a-1', 'break', T + MINUTE, { reason: 'lunch', eventId: 'b' }),
      agentEvent('a-1', 'on_call', T + MINUTE, { eventId: 'a' }),
    ];
    const expected = [{ agentId: 'a-1', state: 'break', since: T + MINUTE, team: 'blue', reason: 'lunch' }];
    expect(agentSummary(stateOf(events, now), undefined, now)).toEqual(expected);
    expect(agentSummary(stateOf([...events].reverse(), now), undefined, now)).toEqual(expected);
  });

  it('takes the team from the latest event that names one', () => {
    const events = [
      agentEvent('a-1', 'available', T, { team: 'blue' }),
      agentEvent('a-1', 'on_call', T + MINUTE, { team: 'green' }),
      agentEvent('a-1', 'wrap_up', T + 2 * MINUTE),
    ];
    for (const order of [events, [...events].reverse()]) {
      expect(stateOf(order, now).agents(undefined, now)[0]).toMatchObject({ state: 'wrap_up', team: 'green' });
    }
  });

  it('breaks a tie between two teams named at the same ts by eventId, whatever the arrival order', () => {
    // The state tie is broken by eventId; applyAgentTeam (`at < agent.teamAt`) lets the later arrival win a tie.
    const blue = agentEvent('a-1', 'available', T, { team: 'blue', eventId: 'e1' });
    const green = agentEvent('a-1', 'on_call', T, { team: 'green', eventId: 'e2' });
    const teams = (state: LiveState) => state.agents(undefined, now).map((agent) => agent.team);
    expect(teams(stateOf([green, blue], now))).toEqual(teams(stateOf([blue, green], now)));
  });

  it('shows under a queue only agents who answered one of its legs within AGENT_QUEUE_MEMBERSHIP_MS', () => {
    const state = stateOf(
      [
        agentEvent('a-1', 'available', T),
        agentEvent('a-2', 'available', T),
        agentEvent('a-3', 'available', T),
        answered('c-1', 'A', T + MINUTE, 'a-1'),
        answered('c-2', 'B', T + MINUTE, 'a-2'),
      ],
      now,
    );
    expect(state.agents('A', now).map((agent) => agent.agentId)).toEqual(['a-1']);
    expect(state.agents(undefined, now).map((agent) => agent.agentId)).toEqual(['a-1', 'a-2', 'a-3']);
    // The answer at T + 1 min keeps a-1 in A until T + 1 min + 12 h inclusive.
    expect(state.agents('A', T + MINUTE + AGENT_QUEUE_MEMBERSHIP_MS).map((agent) => agent.agentId)).toEqual(['a-1']);
    expect(state.agents('A', T + MINUTE + AGENT_QUEUE_MEMBERSHIP_MS + 1)).toEqual([]);
  });

  it('drops offline agents after OFFLINE_AGENT_RETENTION_MS but keeps the others', () => {
    const state = stateOf([agentEvent('a-1', 'offline', T), agentEvent('a-2', 'break', T)], now);
    expect(state.agents(undefined, T + OFFLINE_AGENT_RETENTION_MS).map((agent) => agent.agentId)).toEqual(['a-1', 'a-2']);
    expect(state.agents(undefined, T + OFFLINE_AGENT_RETENTION_MS + 1).map((agent) => agent.agentId)).toEqual(['a-2']);
  });

  it('does not show an agent known only from an answer', () => {
    const state = stateOf([answered('c-1', 'A', T, 'a-9')], now);
    expect(state.agents(undefined, now)).toEqual([]);
    expect(state.agents('A', now)).toEqual([]);
  });

  it('ignores an unknown state', () => {
    const state = stateOf([agentEvent('a-1', 'available', T), agentEvent('a-1', 'dancing', T + MINUTE)], now);
    expect(state.agents(undefined, now)[0]).toMatchObject({ state: 'available', since: T });
  });
});

describe('LiveState.prune', () => {
  it('forgets a settled call after SETTLED_CALL_RETENTION_MS and ignores a late copy of its offer', () => {
    const state = new LiveState();
    state.apply(offered('c-1', 'A', T), T);
    state.apply(callEvent('call.abandoned', 'c-1', 'A', T + 30 * SECOND), T + 30 * SECOND);
    // Last seen at T + 30 s: kept at T + 30 s + 15 min, forgotten 1 ms later.
    expect(state.prune(T + 30 * SECOND + SETTLED_CALL_RETENTION_MS)).toEqual(new Set());
    expect(state.queues()).toEqual(new Set(['A']));
    const later = T + 30 * SECOND + SETTLED_CALL_RETENTION_MS + 1;
    // A settled call does not move any figure when forgotten.
    expect(state.prune(later)).toEqual(new Set());
    expect(state.queues()).toEqual(new Set());
    // The offer at T is 15 min 30 s old: older than the retention, so it cannot reopen the call.
    expect(state.apply(offered('c-1', 'A', T), later).queues).toEqual(new Set());
    expect(state.waiting('A', later).waitingNow).toBe(0);
  });

  it('forgets a stale waiting leg and reports its queue', () => {
    const state = stateOf([offered('c-1', 'A', T), offered('c-2', 'B', T + HOUR)], T);
    expect(state.prune(T + STALE_WAIT_MS + 1)).toEqual(new Set(['A']));
    expect(state.queues()).toEqual(new Set(['B']));
    // A late copy of the forgotten offer is older than the retention: ignored.
    state.apply(offered('c-1', 'A', T), T + STALE_WAIT_MS + 1);
    expect(state.waiting('A', T + STALE_WAIT_MS + 1).waitingNow).toBe(0);
  });

  it('does not let late copies of a forgotten call’s events reopen it', () => {
    const state = new LiveState();
    const offerA = offered('c-1', 'A', T);
    const answerB = answered('c-1', 'B', T + MINUTE);
    const events = [offerA, callEvent('call.flowed_out', 'c-1', 'A', T + 30 * SECOND), offered('c-1', 'B', T + 40 * SECOND), answerB];
    for (const event of events) state.apply(event, event.ts);
    // Last seen at T + 1 min; forgotten at T + 16 min + 1 ms.
    const later = T + MINUTE + SETTLED_CALL_RETENTION_MS + 1;
    state.prune(later);
    // Copies of the answer (creating an outcome-only record) then of the first offer arrive late:
    // the offer at T is older than the retention and must be ignored, but the record makes the call known.
    state.apply(answerB, later);
    state.apply(offerA, later);
    expect(state.waiting(undefined, later).waitingNow).toBe(0);
  });

  it('removes answers older than AGENT_QUEUE_MEMBERSHIP_MS and offline agents older than OFFLINE_AGENT_RETENTION_MS', () => {
    const state = stateOf([agentEvent('a-1', 'offline', T), agentEvent('a-2', 'available', T), answered('c-1', 'A', T, 'a-2')], T);
    state.prune(T + 12 * HOUR + 1);
    expect(state.agents(undefined, T + 12 * HOUR + 1).map((agent) => agent.agentId)).toEqual(['a-2']);
    expect(state.queues()).toEqual(new Set());
  });

  it('does not let a late copy of an older state bring a logged-off agent back', () => {
    const state = new LiveState();
    const available = agentEvent('a-1', 'available', T);
    state.apply(available, T);
    state.apply(agentEvent('a-1', 'offline', T + HOUR), T + HOUR);
    // Offline since T + 1 h: off the board (and pruned) from T + 13 h + 1 ms.
    const later = T + HOUR + OFFLINE_AGENT_RETENTION_MS + 1;
    state.prune(later);
    // Without the prune this copy would lose to the later offline state; after it, it wins.
    state.apply(available, later);
    expect(state.agents(undefined, later)).toEqual([]);
  });
});

describe('LiveState offers older than SETTLED_CALL_RETENTION_MS', () => {
  it('counts a 19-minute wait whatever the arrival order', () => {
    // The call waited in A from now − 21 min, flowed out at now − 20 min, has waited in B since now − 19 min
    // (well under STALE_WAIT_MS): 1 waiting in B. An offer of an unknown call older than 15 min is dropped,
    // but one of a call already known from an outcome is not, so the arrival order decides.
    const now = T + HOUR;
    const events = [
      offered('c-1', 'A', now - 21 * MINUTE),
      callEvent('call.flowed_out', 'c-1', 'A', now - 20 * MINUTE),
      offered('c-1', 'B', now - 19 * MINUTE),
    ];
    const inOrder = stateOf(events, now).waiting(undefined, now);
    const reversed = stateOf([...events].reverse(), now).waiting(undefined, now);
    expect(reversed).toEqual(inOrder);
  });
});

describe('LiveState restore', () => {
  const now = T + 10 * MINUTE;

  it('gives the same state from a snapshot plus overlapping events as from the events alone', () => {
    const events = [
      agentEvent('a-1', 'available', T, { team: 'blue', eventId: 's-1' }),
      offered('c-1', 'A', T + MINUTE),
      offered('c-2', 'A', T + 2 * MINUTE),
      answered('c-1', 'A', T + 3 * MINUTE, 'a-1'),
      agentEvent('a-1', 'on_call', T + 3 * MINUTE, { eventId: 's-2' }),
      offered('c-2', 'B', T + 4 * MINUTE),
    ];
    // Snapshot as of T + 3 min (events up to T + 2 min stored): c-1 and c-2 waiting in A, a-1 available since T, no answers.
    const restored = new LiveState();
    restored.restoreWaiting('c-1', 'A', T + MINUTE);
    restored.restoreWaiting('c-2', 'A', T + 2 * MINUTE);
    restored.restoreAgent({
      agentId: 'a-1',
      state: 'available',
      since: T,
      reason: '',
      eventId: 's-1',
      team: 'blue',
      teamAt: T,
      teamEventId: 's-1',
    });
    // Replay from T + 1 min on: overlaps the snapshot by two offers.
    for (const event of events.slice(1)) restored.apply(event, now);

    const alone = stateOf(events, now);
    for (const queue of [undefined, 'A', 'B']) {
      expect(restored.waiting(queue, now)).toEqual(alone.waiting(queue, now));
      expect(restored.agents(queue, now)).toEqual(alone.agents(queue, now));
    }
    // c-2 moved to B at T + 4 min; a-1 answered in A and is on a call with team blue.
    expect(restored.waiting('B', now)).toEqual({ waitingNow: 1, oldestOfferedAt: T + 4 * MINUTE });
    expect(agentSummary(restored, 'A', now)).toEqual([
      { agentId: 'a-1', state: 'on_call', since: T + 3 * MINUTE, team: 'blue', reason: '' },
    ]);
  });

  it('keeps the later of a restored and a replayed value', () => {
    const state = new LiveState();
    state.apply(offered('c-1', 'B', T + 2 * MINUTE), now);
    state.restoreWaiting('c-1', 'A', T + MINUTE);
    state.apply(answered('c-9', 'A', T + MINUTE, 'a-1'), now);
    state.restoreAnswer('a-1', 'A', T);
    state.restoreAgent({ agentId: 'a-1', state: 'break', since: T, reason: 'lunch', eventId: 's-1', team: '', teamAt: -Infinity });
    state.apply(agentEvent('a-1', 'available', T - MINUTE, { team: 'red' }), now);
    expect(state.waiting(undefined, now)).toEqual({ waitingNow: 1, oldestOfferedAt: T + 2 * MINUTE });
    expect(state.waiting('A', now).waitingNow).toBe(0);
    // Membership of A runs from the later answer, T + 1 min, for 12 h.
    expect(state.agents('A', T + MINUTE + AGENT_QUEUE_MEMBERSHIP_MS)).toHaveLength(1);
    expect(state.agents('A', T + MINUTE + AGENT_QUEUE_MEMBERSHIP_MS + 1)).toHaveLength(0);
    expect(agentSummary(state, undefined, now)).toEqual([{ agentId: 'a-1', state: 'break', since: T, team: 'red', reason: 'lunch' }]);
  });
});
