import { computeMetrics, emptySums } from '../metrics/compute-metrics';
import type { Metrics } from '../metrics/metrics.schema';
import { DEFAULT_THRESHOLDS } from '../settings/settings.schema';
import { buildFigures, watchedFigures, type FigureInputs } from './live-figures';
import type { AgentPresence } from './live-state';

const NOW = Date.parse('2026-11-22T01:00:00.000Z');
const metrics = (overrides: Partial<Metrics>): Metrics => ({ ...computeMetrics(emptySums()), ...overrides });

const agent = (agentId: string, state: AgentPresence['state'], since: number, more: Partial<AgentPresence> = {}): AgentPresence => ({
  agentId,
  state,
  since,
  reason: '',
  team: '',
  answeredAt: new Map(),
  stateEventId: 'e',
  teamAt: -Infinity,
  teamEventId: '',
  ...more,
});

function inputs(overrides: Partial<FigureInputs> = {}): FigureInputs {
  return {
    waiting: { waitingNow: 0, oldestOfferedAt: null },
    agents: [],
    // Today: service level 0.75 (amber: below 0.8, not below 0.7), abandonment 0.12 (red: at least 0.10), ASA 10 s (green).
    today: metrics({ serviceLevel: 0.75, abandonmentRate: 0.12, asaSeconds: 10, waiting: 50 }),
    // The sliding windows would band differently; bands must not read them.
    last15m: metrics({ serviceLevel: 0.5, abandonmentRate: 0 }),
    last60m: metrics({ serviceLevel: 0.5, abandonmentRate: 0 }),
    settings: { thresholds: DEFAULT_THRESHOLDS, serviceLevelSeconds: 20, serviceLevelTarget: 0.8 },
    now: NOW,
    timezone: 'Asia/Shanghai',
    ...overrides,
  };
}

describe('buildFigures', () => {
  it('counts agents by state and gives each one’s time in state', () => {
    const figures = buildFigures(
      inputs({
        agents: [
          agent('a-1', 'available', NOW - 90_500, { team: 'blue' }),
          agent('a-2', 'on_call', NOW - 30_000),
          agent('a-3', 'on_call', NOW - 1_000),
          agent('a-4', 'break', NOW - 600_000, { reason: 'lunch' }),
          // A state stamped 2 s ahead of the server clock: no negative time in state.
          agent('a-5', 'wrap_up', NOW + 2_000),
        ],
      }),
    );
    expect(figures.agentsByState).toEqual({ available: 1, on_call: 2, wrap_up: 1, break: 1, offline: 0 });
    expect(figures.agents[0]).toEqual({
      agentId: 'a-1',
      team: 'blue',
      state: 'available',
      // 01:00:00.000Z − 90.5 s = 00:58:29.500Z, 08:58:29.500 in Shanghai (UTC+8).
      since: '2026-11-22T08:58:29.500+08:00',
      secondsInState: 90.5,
      reason: null,
    });
    expect(figures.agents.map((row) => row.secondsInState)).toEqual([90.5, 30, 1, 600, 0]);
    expect(figures.agents[3]).toMatchObject({ team: null, reason: 'lunch' });
  });

  it('gives the longest wait in whole seconds, rounded down', () => {
    const figures = buildFigures(inputs({ waiting: { waitingNow: 6, oldestOfferedAt: NOW - 130_900 } }));
    // 130.9 s waited: 130 whole seconds; offered at 00:57:49.100Z = 08:57:49.100+08:00.
    expect(figures).toMatchObject({ waitingNow: 6, longestWaitSeconds: 130, oldestWaitingSince: '2026-11-22T08:57:49.100+08:00' });
  });

  it('gives a longest wait of 0 with nobody waiting', () => {
    const figures = buildFigures(inputs());
    expect(figures).toMatchObject({ waitingNow: 0, longestWaitSeconds: 0, oldestWaitingSince: null });
    expect(figures.agentsByState).toEqual({ available: 0, on_call: 0, wrap_up: 0, break: 0, offline: 0 });
  });

  it('bands waiting and the longest wait as they are now, and the other figures over today', () => {
    const figures = buildFigures(inputs({ waiting: { waitingNow: 6, oldestOfferedAt: NOW - 130_900 } }));
    expect(figures.bands).toEqual({
      // 6 waiting: at least amber 5, below red 10. Longest wait 130 s: at least red 120 s.
      waitingNow: 'amber',
      longestWaitSeconds: 'red',
      serviceLevel: 'amber',
      abandonmentRate: 'red',
      asaSeconds: 'green',
      // No value today: no band.
      ahtSeconds: null,
      avgAbandonWaitSeconds: null,
      fcrRate: null,
      csatMean: null,
      csatRate: null,
    });
    expect(figures.today.serviceLevel).toBe(0.75);
    expect(figures.last15m.serviceLevel).toBe(0.5);
  });
});

describe('watchedFigures', () => {
  it('watches waiting and the longest wait now, and the rest over today', () => {
    const given = inputs({ waiting: { waitingNow: 3, oldestOfferedAt: NOW - 59_999 } });
    const watched = watchedFigures({ ...given, thresholds: given.settings.thresholds });
    const byMetric = Object.fromEntries(watched.map((figure) => [figure.metric, figure]));
    expect(watched).toHaveLength(10);
    // 59.999 s: 59 whole seconds.
    expect(byMetric.waitingNow).toEqual({ metric: 'waitingNow', window: 'now', value: 3, threshold: { amber: 5, red: 10 } });
    expect(byMetric.longestWaitSeconds).toMatchObject({ window: 'now', value: 59 });
    expect(byMetric.serviceLevel).toEqual({ metric: 'serviceLevel', window: 'today', value: 0.75, threshold: { amber: 0.8, red: 0.7 } });
    expect(byMetric.csatMean).toMatchObject({ window: 'today', value: null });
  });
});
