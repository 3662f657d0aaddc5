import { computeMetrics, emptySums } from '../metrics/compute-metrics';
import { changesBetween } from './changes';

function metricsWith(overrides: Partial<ReturnType<typeof emptySums>>) {
  return computeMetrics({ ...emptySums(), ...overrides });
}

describe('changesBetween', () => {
  // Current: 100 offered, 90 answered, 10 abandoned of which 0 short, 80 within SL, answers waited 900 s in all.
  // Baseline: 100 offered, 80 answered, 20 abandoned, 70 within SL, answers waited 1,600 s.
  const current = metricsWith({ offered: 100, answered: 90, abandoned: 10, answered_within_service_level: 80, answer_wait_ms: 900_000 });
  const baseline = metricsWith({ offered: 100, answered: 80, abandoned: 20, answered_within_service_level: 70, answer_wait_ms: 1_600_000 });
  const changes = changesBetween(current, baseline);

  it('gives both values, the delta and the relative change', () => {
    // abandonmentRate 10/100 = 0.1 against 20/100 = 0.2: delta −0.1, relative −0.1/0.2 = −0.5.
    expect(changes.abandonmentRate.current).toBeCloseTo(0.1);
    expect(changes.abandonmentRate.baseline).toBeCloseTo(0.2);
    expect(changes.abandonmentRate.delta).toBeCloseTo(-0.1);
    expect(changes.abandonmentRate.relative).toBeCloseTo(-0.5);
  });

  it('judges lower abandonment and ASA, and higher service level, as better', () => {
    expect(changes.abandonmentRate.better).toBe(true);
    // ASA 900/90 = 10 s against 1600/80 = 20 s.
    expect(changes.asaSeconds).toMatchObject({ current: 10, baseline: 20, delta: -10, better: true });
    // Service level 80/100 against 70/100.
    expect(changes.serviceLevel.better).toBe(true);
    expect(changesBetween(baseline, current).serviceLevel.better).toBe(false);
  });

  it('has no better or worse for a figure without a direction, or one that did not change', () => {
    expect(changes.answered.better).toBeNull();
    expect(changes.offered).toMatchObject({ delta: 0, relative: 0, better: null });
  });

  it('has no delta when either value is null, and no relative change against 0', () => {
    expect(changes.ahtSeconds).toEqual({ current: null, baseline: null, delta: null, relative: null, better: null });
    const fromZero = changesBetween(metricsWith({ surveys: 2 }), metricsWith({}));
    expect(fromZero.surveys).toMatchObject({ current: 2, baseline: 0, delta: 2, relative: null });
  });
});
