import fc from 'fast-check';
import { MIN_PUSH_GAP_MS, RoomPushes, type RoomTarget } from './room-pushes';

type Push = RoomTarget & { room: string; at: number };

describe('RoomPushes', () => {
  let pushes: Push[];
  let members: Set<string>;
  let rooms: RoomPushes;

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-11-22T01:00:00.000Z') });
    pushes = [];
    members = new Set(['tenant:default', 'queue:A', 'queue:B']);
    rooms = new RoomPushes(
      (target) => pushes.push({ ...target, at: jest.now() }),
      (room) => members.has(room),
      () => jest.now(),
    );
  });

  afterEach(() => {
    rooms.close();
    jest.useRealTimers();
  });

  it('sends the first change on the next timer turn, with whatever else that turn changed', () => {
    const start = jest.now();
    rooms.changed('tenant:default', { tenant: 'default', queues: ['B'] });
    rooms.changed('tenant:default', { tenant: 'default', queues: ['A', 'B'] });
    expect(pushes).toEqual([]);
    jest.advanceTimersByTime(0);
    expect(pushes).toEqual([{ room: 'tenant:default', tenant: 'default', queues: ['A', 'B'], at: start }]);
  });

  it('coalesces the changes within MIN_PUSH_GAP_MS into one push carrying every queue', () => {
    const start = jest.now();
    rooms.changed('tenant:default', { tenant: 'default', queues: ['A'] });
    jest.advanceTimersByTime(0);
    jest.advanceTimersByTime(10);
    rooms.changed('tenant:default', { tenant: 'default', queues: ['C'] });
    jest.advanceTimersByTime(100);
    rooms.changed('tenant:default', { tenant: 'default', queues: ['B', 'C'] });
    // Pushed at start; the next may go at start + 250 ms, 140 ms after the last change (at start + 110 ms).
    jest.advanceTimersByTime(139);
    expect(pushes).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(pushes.map(({ queues, at }) => ({ queues, at: at - start }))).toEqual([
      { queues: ['A'], at: 0 },
      { queues: ['B', 'C'], at: MIN_PUSH_GAP_MS },
    ]);
  });

  it('sends at once again after a quiet spell', () => {
    const start = jest.now();
    rooms.changed('queue:A', { tenant: 'default', queues: ['A'] });
    jest.advanceTimersByTime(1_000);
    rooms.changed('queue:A', { tenant: 'default', queues: ['A'] });
    jest.advanceTimersByTime(0);
    expect(pushes.map((push) => push.at - start)).toEqual([0, 1_000]);
  });

  it('pushes at most once per MIN_PUSH_GAP_MS under a stream of changes and delivers the last one', () => {
    const start = jest.now();
    for (let i = 0; i < 1_000; i += 1) {
      rooms.changed('tenant:default', { tenant: 'default', queues: [`q${i}`] });
      jest.advanceTimersByTime(1);
    }
    // Change i is made at start + i ms. Pushes: at 0 (q0), then every 250 ms, each with the changes made
    // since the previous one: 250 (q1–q249), 500 (q250–q499), 750 (q500–q749), 1,000 (q750–q999): 5 pushes.
    expect(pushes.map((push) => push.at - start)).toEqual([0, 250, 500, 750, 1_000]);
    expect(pushes.map((push) => push.queues.length)).toEqual([1, 249, 250, 250, 250]);
    expect(pushes.at(-1)?.queues).toContain('q999');
    jest.runOnlyPendingTimers();
    expect(pushes).toHaveLength(5);
  });

  it('never pushes one room twice within MIN_PUSH_GAP_MS, and delivers every change within it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        pushes = [];
        const room = new RoomPushes(
          (target) => pushes.push({ ...target, at: jest.now() }),
          () => true,
          () => jest.now(),
        );
        const changedAt = new Map<string, number>();
        gaps.forEach((gap, i) => {
          jest.advanceTimersByTime(gap);
          changedAt.set(`q${i}`, jest.now());
          room.changed('r', { tenant: 'default', queues: [`q${i}`] });
        });
        jest.advanceTimersByTime(MIN_PUSH_GAP_MS);
        pushes.slice(1).forEach((push, i) => expect(push.at - pushes[i]!.at).toBeGreaterThanOrEqual(MIN_PUSH_GAP_MS));
        const delivered = pushes.flatMap((push) => push.queues.map((queue) => ({ queue, delay: push.at - changedAt.get(queue)! })));
        expect(delivered.map(({ queue }) => queue).sort()).toEqual([...changedAt.keys()].sort());
        for (const { delay } of delivered) {
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(MIN_PUSH_GAP_MS);
        }
        room.close();
      }),
      { numRuns: 200 },
    );
  });

  it('keeps rooms apart: one room’s push does not hold back another’s', () => {
    rooms.changed('queue:A', { tenant: 'default', queues: ['A'] });
    jest.advanceTimersByTime(0);
    rooms.changed('queue:A', { tenant: 'default', queues: ['A'] });
    rooms.changed('queue:B', { tenant: 'default', queues: ['B'] });
    jest.advanceTimersByTime(0);
    expect(pushes.map((push) => push.room)).toEqual(['queue:A', 'queue:B']);
    jest.advanceTimersByTime(MIN_PUSH_GAP_MS);
    expect(pushes.map((push) => push.room)).toEqual(['queue:A', 'queue:B', 'queue:A']);
  });

  it('sends nothing to a room without members', () => {
    rooms.changed('queue:Z', { tenant: 'default', queues: ['Z'] });
    jest.advanceTimersByTime(1_000);
    expect(pushes).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('cancels pending pushes on close', () => {
    rooms.changed('queue:A', { tenant: 'default', queues: ['A'] });
    rooms.changed('queue:B', { tenant: 'default', queues: ['B'] });
    rooms.close();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1_000);
    expect(pushes).toEqual([]);
  });
});
