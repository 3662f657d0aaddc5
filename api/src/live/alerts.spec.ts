import { AlertTracker, type WatchedFigure } from './alerts';

const AT = Date.parse('2026-11-22T01:00:00.000Z');
const waitingNow = (value: number | null): WatchedFigure => ({
  metric: 'waitingNow',
  window: 'now',
  value,
  threshold: { amber: 5, red: 10 },
});
const serviceLevel = (value: number | null): WatchedFigure => ({
  metric: 'serviceLevel',
  window: 'today',
  value,
  threshold: { amber: 0.8, red: 0.7 },
});

describe('AlertTracker', () => {
  it('alerts once per crossing into a worse band', () => {
    const tracker = new AlertTracker();
    // green, amber, amber, red, red: alerts on entering amber and on entering red.
    const alerts = [2, 6, 7, 12, 15].flatMap((value, i) => tracker.observe('default', 'A', [waitingNow(value)], AT + i * 1_000));
    expect(alerts).toEqual([
      expect.objectContaining({
        metric: 'waitingNow',
        window: 'now',
        level: 'amber',
        previousLevel: 'green',
        direction: 'worse',
        value: 6,
      }),
      expect.objectContaining({ level: 'red', previousLevel: 'amber', direction: 'worse', value: 12, amber: 5, red: 10 }),
    ]);
    expect(alerts[1]).toMatchObject({ tenant: 'default', queue: 'A', at: '2026-11-22T01:00:03.000Z' });
    expect(new Set(alerts.map((alert) => alert.id)).size).toBe(2);
  });

  it('alerts once, better, on the way back to green', () => {
    const tracker = new AlertTracker();
    tracker.observe('default', 'A', [waitingNow(12)], AT);
    const back = [3, 1].flatMap((value) => tracker.observe('default', 'A', [waitingNow(value)], AT + 1_000));
    expect(back).toEqual([expect.objectContaining({ level: 'green', previousLevel: 'red', direction: 'better', value: 3 })]);
  });

  it('alerts a figure already red when first seen, since an unseen figure counts as green', () => {
    const tracker = new AlertTracker();
    expect(tracker.observe('default', 'A', [serviceLevel(0.5)], AT)).toEqual([
      expect.objectContaining({ metric: 'serviceLevel', window: 'today', level: 'red', previousLevel: 'green', direction: 'worse' }),
    ]);
    expect(tracker.observe('default', 'A', [serviceLevel(0.8)], AT)).toEqual([
      expect.objectContaining({ level: 'green', direction: 'better' }),
    ]);
  });

  it('does not alert again a band alerted before a restart', () => {
    const tracker = new AlertTracker();
    tracker.seed([
      { tenant: 'default', queue: 'A', metric: 'waitingNow', level: 'red' },
      { tenant: 'default', queue: 'B', metric: 'waitingNow', level: 'purple' },
    ]);
    expect(tracker.observe('default', 'A', [waitingNow(11)], AT)).toEqual([]);
    expect(tracker.observe('default', 'A', [waitingNow(6)], AT)).toEqual([
      expect.objectContaining({ level: 'amber', previousLevel: 'red', direction: 'better' }),
    ]);
    // An unknown stored level is ignored: B counts as green, so red alerts.
    expect(tracker.observe('default', 'B', [waitingNow(11)], AT)).toEqual([
      expect.objectContaining({ previousLevel: 'green', level: 'red' }),
    ]);
  });

  it('neither alerts nor forgets the band on a figure without a value', () => {
    const tracker = new AlertTracker();
    tracker.observe('default', 'A', [serviceLevel(0.6)], AT);
    expect(tracker.observe('default', 'A', [serviceLevel(null)], AT)).toEqual([]);
    expect(tracker.observe('default', 'A', [serviceLevel(Number.NaN)], AT)).toEqual([]);
    // Still red from before the gap: another red value does not alert.
    expect(tracker.observe('default', 'A', [serviceLevel(0.65)], AT)).toEqual([]);
  });

  it('keeps the figures of different metrics, queues and tenants apart', () => {
    const tracker = new AlertTracker();
    expect(tracker.observe('default', 'A', [waitingNow(12), serviceLevel(0.75)], AT)).toHaveLength(2);
    expect(tracker.observe('default', 'B', [waitingNow(12)], AT)).toHaveLength(1);
    expect(tracker.observe('north', 'A', [waitingNow(12)], AT)).toEqual([
      expect.objectContaining({ tenant: 'north', previousLevel: 'green' }),
    ]);
    // None of those changed default/A's bands.
    expect(tracker.observe('default', 'A', [waitingNow(12), serviceLevel(0.75)], AT)).toEqual([]);
  });
});
