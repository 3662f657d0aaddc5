import type { MetricsResponseDto } from '@callboard/api';
import type { MetricName } from '../../lib/metrics';
import { spreadOf, type Spread } from './scorecard-stats';

export const SCORECARD_METRICS = ['handled', 'ahtSeconds', 'transferRate', 'escalationRate', 'fcrRate', 'csatRate', 'occupancy'] as const;
export type ScorecardMetric = (typeof SCORECARD_METRICS)[number];

/** Which way is better for an agent; handled and occupancy depend on rota and role, so either side is only worth a look. */
export const SCORECARD_BETTER: Partial<Record<ScorecardMetric, 'lower' | 'higher'>> = {
  ahtSeconds: 'lower',
  transferRate: 'lower',
  escalationRate: 'lower',
  fcrRate: 'higher',
  csatRate: 'higher',
};

type Group = MetricsResponseDto['groups'][number];

export interface AgentRow {
  agent: string;
  figures: Partial<Record<MetricName, number | null>>;
}

export interface TeamCard {
  /** null: agents with no team in the period, set against the whole centre. */
  team: string | null;
  agents: AgentRow[];
  spreads: Record<ScorecardMetric, Spread | null>;
}

function agentsOf(groups: readonly Group[]): AgentRow[] {
  return groups
    .flatMap((group) => (group.key['agent'] ? [{ agent: group.key['agent'], figures: group as AgentRow['figures'] }] : []))
    .sort((a, b) => (b.figures.handled ?? 0) - (a.figures.handled ?? 0) || a.agent.localeCompare(b.agent));
}

function spreadsOf(agents: readonly AgentRow[]): Record<ScorecardMetric, Spread | null> {
  return Object.fromEntries(SCORECARD_METRICS.map((name) => [name, spreadOf(agents.map((row) => row.figures[name]))])) as Record<
    ScorecardMetric,
    Spread | null
  >;
}

/**
 * One card per team from each team's agents (GET /metrics?groupBy=agent&team=…); agents found
 * only in the centre-wide list (`everyAgent`) form a last card measured against every agent.
 */
export function teamCards(byTeam: ReadonlyArray<{ team: string; groups: readonly Group[] }>, everyAgent?: readonly Group[]): TeamCard[] {
  const cards: TeamCard[] = byTeam
    .map(({ team, groups }) => {
      const agents = agentsOf(groups);
      return { team, agents, spreads: spreadsOf(agents) };
    })
    .filter((card) => card.agents.length > 0)
    .sort((a, b) => String(a.team).localeCompare(String(b.team)));
  if (everyAgent) {
    const placed = new Set(cards.flatMap((card) => card.agents.map((row) => row.agent)));
    const all = agentsOf(everyAgent);
    const teamless = all.filter((row) => !placed.has(row.agent));
    if (teamless.length > 0) cards.push({ team: null, agents: teamless, spreads: spreadsOf(all) });
  }
  return cards;
}
