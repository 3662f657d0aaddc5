import { AGENT_STATES } from '@callboard/ingest';
import { formatInstant } from '../common/query-params';
import type { Metrics } from '../metrics/metrics.schema';
import { bandOf } from '../settings/bands';
import { THRESHOLD_METRICS, type QueueSettings, type ThresholdMetric } from '../settings/settings.schema';
import type { AlertWindow, WatchedFigure } from './alerts';
import type { AgentPresence, WaitingView } from './live-state';
import type { LiveFigures } from './live.schema';

const INSTANT_METRICS = new Set<ThresholdMetric>(['waitingNow', 'longestWaitSeconds']);

export interface FigureInputs {
  waiting: WaitingView;
  agents: AgentPresence[];
  today: Metrics;
  last15m: Metrics;
  last60m: Metrics;
  settings: Pick<QueueSettings, 'thresholds' | 'serviceLevelSeconds' | 'serviceLevelTarget'>;
  now: number;
  timezone: string;
}

/** One queue's (or the centre's) live figures, as GET /live and the socket carry them. */
export function buildFigures(inputs: FigureInputs): LiveFigures {
  const { waiting, now, timezone } = inputs;
  const agentsByState = Object.fromEntries(AGENT_STATES.map((state) => [state, 0])) as LiveFigures['agentsByState'];
  for (const agent of inputs.agents) agentsByState[agent.state] += 1;
  const { thresholds, serviceLevelSeconds, serviceLevelTarget } = inputs.settings;
  const watched = watchedFigures({ ...inputs, thresholds });
  return {
    waitingNow: waiting.waitingNow,
    longestWaitSeconds: longestWaitSeconds(waiting, now),
    oldestWaitingSince: waiting.oldestOfferedAt === null ? null : formatInstant(waiting.oldestOfferedAt, timezone),
    agentsByState,
    agents: inputs.agents.map((agent) => ({
      agentId: agent.agentId,
      team: agent.team || null,
      state: agent.state,
      since: formatInstant(agent.since, timezone),
      secondsInState: Math.max(0, (now - agent.since) / 1000),
      reason: agent.reason || null,
    })),
    today: inputs.today,
    last15m: inputs.last15m,
    last60m: inputs.last60m,
    bands: Object.fromEntries(
      watched.map((figure) => [figure.metric, bandOf(figure.metric, figure.value, figure.threshold)]),
    ) as LiveFigures['bands'],
    settings: { serviceLevelSeconds, serviceLevelTarget, thresholds },
  };
}

/** The figures thresholds watch: waiting now and the longest wait as they are, the rest over today. */
export function watchedFigures(
  inputs: Pick<FigureInputs, 'waiting' | 'today' | 'now'> & { thresholds: QueueSettings['thresholds'] },
): WatchedFigure[] {
  return THRESHOLD_METRICS.map((metric) => {
    const window: AlertWindow = INSTANT_METRICS.has(metric) ? 'now' : 'today';
    const value =
      metric === 'waitingNow'
        ? inputs.waiting.waitingNow
        : metric === 'longestWaitSeconds'
          ? longestWaitSeconds(inputs.waiting, inputs.now)
          : (inputs.today[metric] ?? null);
    return { metric, window, value, threshold: inputs.thresholds[metric] };
  });
}

function longestWaitSeconds(waiting: WaitingView, now: number): number {
  return waiting.oldestOfferedAt === null ? 0 : Math.max(0, Math.floor((now - waiting.oldestOfferedAt) / 1000));
}
