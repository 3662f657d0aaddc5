import type { Alert, Live, LiveAgent, LiveQueue } from '@callboard/api';

/** The queues to show tiles for: the chosen ones in their chosen order, else every queue in the feed. */
export function shownQueues(live: Live | undefined, chosen: readonly string[]): string[] {
  if (chosen.length > 0) return [...chosen];
  return (live?.queues ?? []).map((queue) => queue.queue).sort((a, b) => a.localeCompare(b));
}

/** Queues a control bar can offer: every queue in the feed, and those chosen before they had any data. */
export function pickableQueues(live: Live | undefined, chosen: readonly string[]): string[] {
  return [...new Set([...(live?.queues ?? []).map((queue) => queue.queue), ...chosen])].sort((a, b) => a.localeCompare(b));
}

/** The agents on the board: the centre's, or each chosen queue's once (an agent may answer several queues). */
export function boardAgents(live: Live | undefined, chosen: readonly string[]): LiveAgent[] {
  if (!live) return [];
  if (chosen.length === 0 && live.totals) return live.totals.agents;
  const byId = new Map<string, LiveAgent>();
  for (const queue of live.queues) {
    if (!chosen.includes(queue.queue)) continue;
    for (const agent of queue.agents) byId.set(agent.agentId, agent);
  }
  return [...byId.values()];
}

/** The service level target the chart's line is drawn against: the single chosen queue's, else the centre's. */
export function chartTarget(live: Live | undefined, queues: readonly LiveQueue[]): number | undefined {
  if (queues.length === 1) return queues[0]!.settings.serviceLevelTarget;
  return live?.totals?.settings.serviceLevelTarget ?? queues[0]?.settings.serviceLevelTarget;
}

export function alertsOfQueues(alerts: readonly Alert[], chosen: readonly string[]): Alert[] {
  return chosen.length === 0 ? [...alerts] : alerts.filter((alert) => chosen.includes(alert.queue));
}
