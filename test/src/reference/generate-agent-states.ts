import { EventWriter, type GeneratedEvent } from './generated-event';
import type { SeededRandom } from './seeded-random';

interface AgentStateOptions {
  agents: readonly string[];
  teams: readonly string[];
  prefix?: string;
  startMs: number;
  endMs: number;
}

const MINUTE_MS = 60_000;
const BREAK_REASONS = ['lunch', 'training', 'meeting'];

/** state → [minimum minutes, maximum minutes, next states to pick from (repeats weight them)] */
const STATE_MACHINE: Record<string, [number, number, string[]]> = {
  available: [3, 60, ['on_call', 'on_call', 'on_call', 'on_call', 'break', 'offline']],
  on_call: [2, 30, ['wrap_up', 'wrap_up', 'wrap_up', 'available']],
  wrap_up: [1, 5, ['available', 'available', 'available', 'available', 'break']],
  break: [10, 45, ['available', 'available', 'available', 'offline']],
  offline: [360, 840, ['available']],
};

/**
 * Every agent's `agent.state_changed` events from a little before `startMs` to `endMs`. Teams vary on purpose:
 * agent 1 changes team halfway, agent 2's first states carry no team, the second-last agent never names one,
 * and the last agent sends no state at all (their legs have no team); odd agents leave their last state open.
 */
export function generateAgentStates(events: GeneratedEvent[], random: SeededRandom, options: AgentStateOptions): void {
  const { agents, teams, startMs, endMs } = options;
  const withEdgeCases = agents.length >= 4;
  const teamSwitchAt = startMs + (endMs - startMs) / 2;
  agents.forEach((agentId, index) => {
    if (withEdgeCases && index === agents.length - 1) return;
    const writer = new EventWriter(events, random, `${options.prefix ?? 'g'}agent-${agentId}`, { agentId });
    const neverNamesTeam = withEdgeCases && index === agents.length - 2;
    let state = 'available';
    let at = startMs - random.int(0, 6 * 60) * MINUTE_MS;
    for (let change = 0; at < endMs; change++) {
      const teamIndex = index + (index === 1 && at >= teamSwitchAt ? 1 : 0);
      const namesTeam = !neverNamesTeam && !(index === 2 && change < 10) && random.chance(0.7);
      writer.write('agent.state_changed', at, {
        state,
        team: namesTeam && teams.length > 0 ? teams[teamIndex % teams.length] : undefined,
        reason: state === 'break' ? random.pick(BREAK_REASONS) : undefined,
      });
      const [minMinutes, maxMinutes, nextStates] = STATE_MACHINE[state]!;
      at += random.int(minMinutes * MINUTE_MS, maxMinutes * MINUTE_MS);
      state = random.pick(nextStates);
    }
    if (index % 2 === 0) writer.write('agent.state_changed', at, { state: 'offline' });
  });
}
