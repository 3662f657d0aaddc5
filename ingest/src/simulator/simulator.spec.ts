import { validateEvent, type CallEventInput } from '../contract';
import { Simulator } from './simulator';
import type { EventSink } from './sinks/event-sink';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Monday in Asia/Shanghai, and a clock well after it.
const D0 = Date.parse('2026-11-16T00:00:00+08:00');
const LATER = () => Date.parse('2026-12-01T00:00:00Z');

function memorySink(): EventSink & { events: CallEventInput[] } {
  const events: CallEventInput[] = [];
  return { events, send: async (batch) => void events.push(...batch), close: async () => undefined };
}

async function backfill(from: number, to: number, seed = 7): Promise<CallEventInput[]> {
  const sink = memorySink();
  await new Simulator({ seed, clock: LATER }).backfill({ from, to, sink });
  return sink.events;
}

const at = (event: CallEventInput) => (typeof event.ts === 'number' ? event.ts : Date.parse(event.ts));
type Loose = CallEventInput & Record<string, unknown>;

describe('Simulator: reproducible, day by day', () => {
  let twoDays: CallEventInput[];
  beforeAll(async () => {
    twoDays = await backfill(D0, D0 + 2 * DAY);
  });

  it('gives a day the same events however the backfill was split, so a restart re-sends the same ids', async () => {
    // Fresh simulators each time: nothing carries over from one run to the next but (seed, profile, day).
    const split = [
      ...(await backfill(D0, D0 + DAY)),
      ...(await backfill(D0 + DAY, D0 + 30 * HOUR)),
      ...(await backfill(D0 + 30 * HOUR, D0 + 2 * DAY)),
    ];
    expect(split.length).toBe(twoDays.length);
    expect(JSON.stringify(split)).toBe(JSON.stringify(twoDays));
  });

  it('gives other events for another seed', async () => {
    const hour = await backfill(D0 + 10 * HOUR, D0 + 11 * HOUR, 8);
    const sameHour = twoDays.filter((event) => at(event) >= D0 + 10 * HOUR && at(event) < D0 + 11 * HOUR);
    expect(hour.length).toBeGreaterThan(100);
    expect(hour.map((event) => event.ts)).not.toEqual(sameHour.map((event) => event.ts));
  });

  it('emits only events in [from, to), in time order, with unique ids', () => {
    const times = twoDays.map(at);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(D0);
    expect(Math.max(...times)).toBeLessThan(D0 + 2 * DAY);
    expect(times.every((time, index) => index === 0 || time >= times[index - 1]!)).toBe(true);
    expect(new Set(twoDays.map((event) => event.eventId)).size).toBe(twoDays.length);
  });

  it('emits only events that pass the contract', () => {
    const rejected = twoDays.map((event) => validateEvent(event, LATER())).filter((validation) => !validation.ok);
    expect(rejected).toEqual([]);
  });

  it('gives every call a well-formed sequence of legs', () => {
    const byCall = new Map<string, Loose[]>();
    for (const event of twoDays as Loose[]) {
      if (typeof event['callId'] === 'string') byCall.set(event['callId'], [...(byCall.get(event['callId']) ?? []), event]);
    }
    // Calls that began before the window or run past it are cut; judge the ones wholly inside.
    const whole = [...byCall.values()].filter(
      (events) => events[0]!.type === 'call.offered' && at(events.at(-1)!) < D0 + 2 * DAY - 2 * HOUR,
    );
    expect(whole.length).toBeGreaterThan(5000);
    for (const events of whole) expect(legProblems(events)).toEqual([]);
  });

  it('gives every agent a coherent state history', () => {
    const byAgent = new Map<string, Loose[]>();
    for (const event of twoDays as Loose[]) {
      if (event.type === 'agent.state_changed')
        byAgent.set(event['agentId'] as string, [...(byAgent.get(event['agentId'] as string) ?? []), event]);
    }
    expect(byAgent.size).toBeGreaterThanOrEqual(40);
    for (const history of byAgent.values()) {
      // The window opens on the previous evening's agents logging off; judge each history from a login.
      const events = history.slice(history.findIndex((event) => event['state'] === 'available'));
      expect(events.every((event) => typeof event['team'] === 'string')).toBe(true);
      expect(events.filter((event) => event['state'] === 'break').every((event) => typeof event['reason'] === 'string')).toBe(true);
      // No repeated state (except one break straight after another), and no state after logging off but a new login.
      const problems = events.filter((event, index) => {
        const previous = events[index - 1];
        if (!previous) return event['state'] !== 'available';
        if (previous['state'] === 'offline') return event['state'] !== 'available';
        return previous['state'] === event['state'] && event['state'] !== 'break';
      });
      expect(problems).toEqual([]);
    }
  });
});

/** What is wrong with one call's events, read leg by leg (empty when nothing is). */
function legProblems(events: Loose[]): string[] {
  const problems: string[] = [];
  let expecting: 'offer' | 'outcome' | 'talk' | 'wrapup' | 'done' = 'offer';
  let onHold = false;
  let lastTime = -Infinity;
  for (const event of events) {
    if (at(event) < lastTime) problems.push(`${event.eventId} goes back in time`);
    lastTime = at(event);
    const wrong = () => problems.push(`${event.eventId}: ${event.type} while expecting ${expecting}`);
    switch (event.type) {
      case 'call.offered':
        if (expecting !== 'offer') wrong();
        expecting = 'outcome';
        break;
      case 'call.answered':
        if (expecting !== 'outcome') wrong();
        expecting = 'talk';
        break;
      case 'call.abandoned':
      case 'call.flowed_out':
        if (expecting !== 'outcome') wrong();
        expecting = 'offer'; // a flow-out may lead to another queue
        break;
      case 'call.hold_started':
      case 'call.hold_ended':
        if (expecting !== 'talk' || onHold === (event.type === 'call.hold_started')) wrong();
        onHold = event.type === 'call.hold_started';
        break;
      case 'call.transferred':
        if (expecting !== 'talk' || onHold) wrong();
        expecting = 'offer';
        break;
      case 'call.ended':
        if (expecting !== 'talk' || onHold) wrong();
        expecting = event['wrapup'] === false ? 'done' : 'wrapup';
        break;
      case 'call.wrapup_completed':
        if (expecting !== 'wrapup') wrong();
        expecting = 'done';
        break;
      case 'survey.completed':
        if (expecting !== 'done') wrong();
        break;
    }
  }
  if (expecting === 'outcome' || expecting === 'talk' || expecting === 'wrapup')
    problems.push(`${events[0]!.callId} stops while expecting ${expecting}`);
  return problems;
}
