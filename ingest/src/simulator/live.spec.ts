import type { CallEventInput } from '../contract';
import { Simulator } from './simulator';

const HOUR = 3_600_000;
const D0 = Date.parse('2026-11-16T00:00:00+08:00');
const at = (event: CallEventInput) => Date.parse(event.ts as string);

describe('Simulator in wall-clock mode', () => {
  it('sends each event only once its time has come, across midnight, and continues the backfill without gap or overlap', async () => {
    let now = D0 + 22 * HOUR;
    const stop = new AbortController();
    const sent: Array<{ sentAt: number; events: CallEventInput[] }> = [];
    const simulator = new Simulator({
      seed: 3,
      clock: () => now,
      sleep: async (ms) => {
        now += ms;
        if (now >= D0 + 25 * HOUR) stop.abort();
      },
    });
    const sink = { send: async (events: CallEventInput[]) => void sent.push({ sentAt: now, events }), close: async () => undefined };

    await simulator.backfill({ from: D0 + 21 * HOUR, to: D0 + 30 * HOUR, sink });
    expect(Math.max(...sent.flatMap(({ events }) => events.map(at)))).toBeLessThanOrEqual(D0 + 22 * HOUR);
    await simulator.runLive({ sink, signal: stop.signal });

    for (const { sentAt, events } of sent) for (const event of events) expect(at(event)).toBeLessThanOrEqual(sentAt);
    expect(sent.length).toBeGreaterThan(100);
    const all = sent.flatMap(({ events }) => events);
    const reference: CallEventInput[] = [];
    const later = new Simulator({ seed: 3, clock: () => D0 + 48 * HOUR });
    await later.backfill({
      from: D0 + 21 * HOUR,
      to: Math.max(...all.map(at)) + 1,
      sink: { send: async (events) => void reference.push(...events), close: async () => undefined },
    });
    expect(all.map((event) => event.eventId)).toEqual(reference.map((event) => event.eventId));
  });
});
