import { useQueries, useQuery } from '@tanstack/react-query';
import type { MetricsResponseDto } from '@callboard/api';
import { api } from '../../../lib/api';
import { useDimensionKeys } from '../../../lib/dimension-keys';
import { teamCards } from '../scorecard-rows';

/**
 * Each agent's figures within each team. Teams come from the api, not the live board: the api
 * gives a leg the team its agent had when answering (METRICS-READING.md), so an agent who moved
 * teams is measured in each team for the legs handled there, and agents off today's board are
 * still placed. Agents with no team in the period are set against every agent of the centre.
 */
export function useTeamCards(
  period: { from: string; to: string } | undefined,
  filters: { queue: string[]; team: string[] },
  tenant: string,
) {
  const { keys: teamKeys, error: teamsError } = useDimensionKeys(period, ['team'], { queue: filters.queue, team: filters.team, tenant });
  const teams = (teamKeys.team ?? []).map(({ key }) => key).filter((team) => filters.team.length === 0 || filters.team.includes(team));
  const byTeam = useQueries({
    queries: teams.map((team) => ({
      queryKey: ['metrics', 'scorecard', period, filters.queue, team, tenant],
      queryFn: () => api.get<MetricsResponseDto>('/metrics', { ...period, queue: filters.queue, team, groupBy: 'agent', tenant }),
      enabled: period !== undefined,
      staleTime: 60_000,
    })),
  });
  const everyAgent = useQuery({
    queryKey: ['metrics', 'scorecard', period, filters.queue, '*', tenant],
    queryFn: () => api.get<MetricsResponseDto>('/metrics', { ...period, queue: filters.queue, groupBy: 'agent', tenant }),
    enabled: period !== undefined && filters.team.length === 0,
    staleTime: 60_000,
  });
  const pending = teamKeys.team === undefined || byTeam.some((query) => !query.data) || (filters.team.length === 0 && !everyAgent.data);
  const error = teamsError ?? byTeam.find((query) => query.error)?.error ?? everyAgent.error;
  const cards = pending
    ? undefined
    : teamCards(
        teams.map((team, index) => ({ team, groups: byTeam[index]!.data!.groups })),
        filters.team.length === 0 ? everyAgent.data!.groups : undefined,
      );
  return { cards, error, teams: teamKeys.team ?? [] };
}
