import { PartitionBacklog } from './partition-backlog';

const T = Date.parse('2026-11-24T08:00:00.000Z');

describe('PartitionBacklog', () => {
  it('gives the time of the oldest message at or after the committed offset, to the second', () => {
    const backlog = new PartitionBacklog();
    backlog.seen(10, T + 400);
    backlog.seen(11, T + 2_300);
    backlog.seen(12, T + 5_900);

    expect(backlog.oldestFrom(10)).toBe(T); // offset 10, at T + 0.4 s → T
    expect(backlog.oldestFrom(11)).toBe(T + 2_000);
    expect(backlog.oldestFrom(12)).toBe(T + 5_000);
    expect(backlog.oldestFrom(13)).toBeUndefined(); // everything seen is committed
  });

  it('finds an older message further on when timestamps go backwards', () => {
    const backlog = new PartitionBacklog();
    backlog.seen(0, T + 10_000);
    backlog.seen(1, T + 20_000);
    backlog.seen(2, T + 15_000); // produced before offset 1 (another producer's clock)
    backlog.seen(3, T + 30_000);

    // From offset 1 on: offsets 1, 2, 3 → the oldest is offset 2's T + 15 s.
    expect(backlog.oldestFrom(1)).toBe(T + 15_000);
    expect(backlog.oldestFrom(3)).toBe(T + 30_000);
  });

  it('forgets what is committed and ignores messages read again', () => {
    const backlog = new PartitionBacklog();
    for (let offset = 0; offset < 5; offset += 1) backlog.seen(offset, T + offset * 1_000);
    expect(backlog.oldestFrom(3)).toBe(T + 3_000);
    expect(backlog.size).toBe(2);
    backlog.seen(1, T - 60_000); // a re-read of an offset already seen
    expect(backlog.oldestFrom(3)).toBe(T + 3_000);
  });

  it('keeps one entry per second of steady traffic', () => {
    const backlog = new PartitionBacklog();
    // 100 messages a second for 10 seconds.
    for (let offset = 0; offset < 1_000; offset += 1) backlog.seen(offset, T + offset * 10);
    expect(backlog.size).toBe(10);
    expect(backlog.oldestFrom(0)).toBe(T);
    expect(backlog.oldestFrom(550)).toBe(T + 5_000);
  });

  it('stays bounded through a long outage, only ever overstating the age', () => {
    const backlog = new PartitionBacklog();
    // Two hours of one message a second: 7,200 distinct seconds.
    for (let second = 0; second < 7_200; second += 1) backlog.seen(second, T + second * 1_000);
    expect(backlog.size).toBeLessThanOrEqual(1_000);
    expect(backlog.oldestFrom(0)).toBe(T);
    // The true answer from offset 3,600 is T + 3,600 s; merged entries may give an earlier time, never a later one,
    // and by no more than twice the even spacing of 7,200 s over 1,000 entries.
    const from3600 = backlog.oldestFrom(3_600)!;
    expect(from3600).toBeLessThanOrEqual(T + 3_600_000);
    expect(from3600).toBeGreaterThanOrEqual(T + 3_600_000 - 16_000);
  });
});
