import { CALL_CATEGORIES, DISPOSITIONS, type CallEventInput } from '../contract';
import { Simulator } from './simulator';

const DAY = 86_400_000;
// Monday to Wednesday in Asia/Shanghai.
const MONDAY = Date.parse('2026-11-16T00:00:00+08:00');
const DAYS = 3;

describe('the demo centre', () => {
  let events: Array<CallEventInput & Record<string, unknown>>;
  beforeAll(async () => {
    events = [];
    const simulator = new Simulator({ seed: 11, clock: () => MONDAY + 30 * DAY });
    await simulator.backfill({
      from: MONDAY,
      to: MONDAY + DAYS * DAY,
      sink: { send: async (batch) => void events.push(...batch), close: async () => undefined },
    });
  });
  const ofType = (type: string) => events.filter((event) => event.type === type);

  it('takes 3,000–6,000 calls a weekday, so 30 days are under a million events', () => {
    const offered = ofType('call.offered');
    const calls = new Set(offered.map((event) => event['callId'])).size / DAYS;
    expect(calls).toBeGreaterThan(3000);
    expect(calls).toBeLessThan(6000);
    expect((events.length / DAYS) * 30).toBeLessThan(1_000_000);
    expect(new Set(offered.map((event) => event['queue'])).size).toBeGreaterThanOrEqual(4);
  });

  it('has short abandons, long abandons, flow-outs, transfers, holds and surveys', () => {
    const offeredAt = new Map(
      ofType('call.offered').map((event) => [`${event['callId']}/${event['queue']}`, Date.parse(event.ts as string)]),
    );
    const abandonWaits = ofType('call.abandoned').map(
      (event) => Date.parse(event.ts as string) - offeredAt.get(`${event['callId']}/${event['queue']}`)!,
    );
    expect(abandonWaits.filter((wait) => wait < 5000).length).toBeGreaterThan(10);
    expect(abandonWaits.filter((wait) => wait >= 5000).length).toBeGreaterThan(10);
    const reasons = new Set(ofType('call.flowed_out').map((event) => event['reason']));
    expect(reasons.has('timeout') && reasons.has('key')).toBe(true);
    expect(ofType('call.transferred').length).toBeGreaterThan(50);
    expect(ofType('call.hold_started').length).toBeGreaterThan(100);
    const surveys = ofType('survey.completed');
    expect(new Set(surveys.map((event) => event['score']))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(surveys.some((event) => event['resolved'] === true) && surveys.some((event) => event['resolved'] === false)).toBe(true);
  });

  it('uses every category and disposition, and agents of several teams who take breaks', () => {
    expect(new Set(ofType('call.offered').map((event) => event['category']))).toEqual(new Set(CALL_CATEGORIES));
    expect(new Set(ofType('call.wrapup_completed').map((event) => event['disposition']))).toEqual(new Set(DISPOSITIONS));
    const states = ofType('agent.state_changed');
    expect(new Set(states.map((event) => event['team'])).size).toBeGreaterThanOrEqual(3);
    expect(new Set(states.filter((event) => event['state'] === 'break').map((event) => event['reason']))).toEqual(
      new Set(['rest', 'meal']),
    );
  });

  it('has anonymous callers, and callers who call again (more often after an unresolved call)', () => {
    const firstLegs = new Map<string, CallEventInput & Record<string, unknown>>();
    for (const event of ofType('call.offered'))
      if (!firstLegs.has(event['callId'] as string)) firstLegs.set(event['callId'] as string, event);
    const calls = [...firstLegs.values()];
    const anonymous = calls.filter((event) => event['customerId'] === undefined).length / calls.length;
    expect(anonymous).toBeGreaterThan(0.02);
    expect(anonymous).toBeLessThan(0.12);
    expect(calls.every((event) => event['customerId'] === undefined || /^\+86138\d{8}$/.test(event['customerId'] as string))).toBe(true);

    const callsByCustomer = new Map<string, number>();
    for (const event of calls)
      if (event['customerId'])
        callsByCustomer.set(event['customerId'] as string, (callsByCustomer.get(event['customerId'] as string) ?? 0) + 1);
    const dispositionOf = new Map(ofType('call.wrapup_completed').map((event) => [event['callId'], event['disposition']]));
    const calledAgain = (disposition: string) => {
      const first = calls.filter(
        (event) =>
          event['customerId'] && dispositionOf.get(event['callId']) === disposition && Date.parse(event.ts as string) < MONDAY + DAY,
      );
      return first.filter((event) => callsByCustomer.get(event['customerId'] as string)! > 1).length / first.length;
    };
    expect(calledAgain('resolved')).toBeGreaterThan(0.01);
    expect(calledAgain('unresolved')).toBeGreaterThan(2 * calledAgain('resolved'));
  });
});
