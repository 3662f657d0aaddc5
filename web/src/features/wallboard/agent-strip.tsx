import { useTranslation } from 'react-i18next';
import type { LiveAgent } from '@callboard/api';
import { useFormat } from '../../lib/format';
import { secondsSince } from './figures';
import { useNow } from './hooks/use-now';
import './agent-strip.css';

export const AGENT_STATES = ['available', 'on_call', 'wrap_up', 'break', 'offline'] as const satisfies readonly LiveAgent['state'][];
const STATE_ORDER = new Map<string, number>(AGENT_STATES.map((state, index) => [state, index]));

// Each state has a shape as well as a colour, and always its word.
const STATE_ICONS: Record<LiveAgent['state'], string> = { available: '○', on_call: '☎', wrap_up: '✎', break: '☕', offline: '–' };

interface AgentStripProps {
  agents: readonly LiveAgent[];
  display: 'grid' | 'counts';
  clockOffsetMs?: number;
  dimmed?: boolean;
}

/** Agents by state (counts), and unless only counts are asked for, each agent with their time in state. */
export function AgentStrip({ agents, display, clockOffsetMs = 0, dimmed = false }: AgentStripProps) {
  const { t } = useTranslation('wallboard');
  const format = useFormat();
  const now = useNow(clockOffsetMs);
  const counts = countByState(agents);
  // Logged-off agents are only counted: on a busy floor they would push everyone else off the screen.
  // Sorted by state, then by id, so a card moves only when its agent changes state.
  const sorted = agents
    .filter((agent) => agent.state !== 'offline')
    .sort((a, b) => (STATE_ORDER.get(a.state) ?? 9) - (STATE_ORDER.get(b.state) ?? 9) || a.agentId.localeCompare(b.agentId));
  return (
    <section className={`agent-strip${dimmed ? ' wallboard-tile-dimmed' : ''}`} data-testid="agent-strip" aria-label={t('agents.title')}>
      <h2 className="visually-hidden">{t('agents.title')}</h2>
      <ul className="agent-counts">
        {AGENT_STATES.map((state) => (
          <li key={state} className={`agent-count agent-state-${state}`} data-testid={`agent-count-${state}`}>
            <span className="agent-state-icon" aria-hidden="true">
              {STATE_ICONS[state]}
            </span>
            <span className="agent-count-label">{t(`states.${state}`)}</span>
            <span className="agent-count-value">{format.count(counts[state])}</span>
          </li>
        ))}
      </ul>
      {display === 'grid' &&
        (sorted.length === 0 ? (
          <p className="agent-grid-empty">{t('agents.none')}</p>
        ) : (
          <ul className="agent-grid">
            {sorted.map((agent) => (
              <li key={agent.agentId} className={`agent-card agent-state-${agent.state}`} data-testid={`agent-${agent.agentId}`}>
                <span className="agent-card-id">{agent.agentId}</span>
                <span className="agent-card-state">
                  <span aria-hidden="true">{STATE_ICONS[agent.state]} </span>
                  {t(`states.${agent.state}`)}
                  {agent.reason && agent.state === 'break' ? ` · ${agent.reason}` : ''}
                </span>
                <span className="agent-card-time">
                  <span className="visually-hidden">{t('agents.timeInState')} </span>
                  {format.duration(secondsSince(agent.since, now))}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

export function countByState(agents: readonly LiveAgent[]): Record<LiveAgent['state'], number> {
  const counts = Object.fromEntries(AGENT_STATES.map((state) => [state, 0])) as Record<LiveAgent['state'], number>;
  for (const agent of agents) counts[agent.state] += 1;
  return counts;
}
