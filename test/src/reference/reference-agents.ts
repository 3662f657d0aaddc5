import { groupItems, text, type ReferenceEvent } from './reference-events';

/** One `agent.state_changed` and how long it held: until the agent's next one, or until now. */
export interface AgentStateInterval {
  agentId: string;
  state: string;
  team: string | null;
  from: number;
  to: number;
}

export const OCCUPIED_STATES: ReadonlySet<string> = new Set(['on_call', 'wrap_up']);
export const STAFFED_STATES: ReadonlySet<string> = new Set(['available', 'on_call', 'wrap_up']);

/** Every agent's `agent.state_changed` events, read for their team and their state intervals. */
export class AgentDirectory {
  private readonly eventsByAgent: Map<string, ReferenceEvent[]>;

  constructor(events: readonly ReferenceEvent[]) {
    const stateEvents = events.filter((event) => event.type === 'agent.state_changed' && text(event.fields, 'agentId') !== null);
    this.eventsByAgent = groupItems(stateEvents, (event) => text(event.fields, 'agentId')!);
  }

  /** The team of the agent's latest state event carrying one at or before `at`, else of their earliest one after. */
  teamAt(agentId: string | null, at: number): string | null {
    if (agentId === null) return null;
    let before: string | null = null;
    let after: string | null = null;
    for (const event of this.eventsByAgent.get(agentId) ?? []) {
      const team = text(event.fields, 'team');
      if (team === null) continue;
      if (event.at <= at) before = team;
      else if (after === null) after = team;
    }
    return before ?? after;
  }

  intervals(now: number): AgentStateInterval[] {
    const intervals: AgentStateInterval[] = [];
    for (const [agentId, events] of this.eventsByAgent) {
      events.forEach((event, index) => {
        const next = events[index + 1];
        intervals.push({
          agentId,
          state: text(event.fields, 'state') ?? '',
          team: text(event.fields, 'team') ?? this.teamAt(agentId, event.at),
          from: event.at,
          to: next ? next.at : Math.max(now, event.at),
        });
      });
    }
    return intervals;
  }
}
