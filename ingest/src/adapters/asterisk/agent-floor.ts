import type { AgentState } from '../../contract';

export interface AgentStatus {
  state: AgentState;
  reason?: string;
}

interface Agent {
  /** Queues the agent is known to serve: ADDMEMBER, or seen answering or pausing there (static members log no ADDMEMBER). */
  queues: Set<string>;
  /** Queues the agent is paused in. */
  paused: Set<string>;
  /** PAUSEALL, until an UNPAUSE or UNPAUSEALL. */
  pausedAll: boolean;
  /** The latest PAUSE / PAUSEALL reason ('' for none). */
  pauseReason: string;
  /** AGENTLOGIN / AGENTLOGOFF (app_agent_pool, chan_agent); undefined when the log never said. */
  loggedIn?: boolean;
  /** Calls connected and not yet completed or transferred. */
  calls: Set<string>;
  /** What was last emitted, so a line that changes nothing emits nothing. */
  last?: AgentStatus;
}

/**
 * The agents' states as far as queue_log tells them. Asterisk pauses and adds members per
 * queue, while an agent has one state: an agent is on a call from CONNECT until COMPLETE* or
 * a transfer, offline when logged off or a member of no queue, on break when paused in
 * every queue they serve, else available.
 */
export class AgentFloor {
  private readonly agents = new Map<string, Agent>();

  addMember(agentId: string, queue: string, paused: boolean): void {
    const agent = this.agent(agentId);
    agent.queues.add(queue);
    if (paused) agent.paused.add(queue);
    else agent.paused.delete(queue);
  }

  removeMember(agentId: string, queue: string): void {
    const agent = this.agent(agentId);
    agent.queues.delete(queue);
    agent.paused.delete(queue);
  }

  logIn(agentId: string, loggedIn: boolean): void {
    const agent = this.agent(agentId);
    agent.loggedIn = loggedIn;
    if (!loggedIn) agent.calls.clear();
  }

  pause(agentId: string, queue: string, reason: string): void {
    const agent = this.agent(agentId);
    agent.queues.add(queue);
    agent.paused.add(queue);
    agent.pauseReason = reason;
  }

  unpause(agentId: string, queue: string): void {
    const agent = this.agent(agentId);
    agent.queues.add(queue);
    agent.paused.delete(queue);
    agent.pausedAll = false;
  }

  pauseAll(agentId: string, reason: string): void {
    const agent = this.agent(agentId);
    agent.pausedAll = true;
    agent.pauseReason = reason;
    for (const queue of agent.queues) agent.paused.add(queue);
  }

  unpauseAll(agentId: string): void {
    const agent = this.agent(agentId);
    agent.pausedAll = false;
    agent.paused.clear();
  }

  connect(agentId: string, queue: string, callId: string): void {
    const agent = this.agent(agentId);
    agent.queues.add(queue);
    agent.calls.add(callId);
  }

  release(agentId: string, callId: string): void {
    this.agent(agentId).calls.delete(callId);
  }

  /** The agent's state now, if it differs from the one last taken; `undefined` if nothing changed. */
  takeChange(agentId: string): AgentStatus | undefined {
    const agent = this.agent(agentId);
    const now = statusOf(agent);
    if (agent.last && agent.last.state === now.state && agent.last.reason === now.reason) return undefined;
    agent.last = now;
    return now;
  }

  private agent(agentId: string): Agent {
    let agent = this.agents.get(agentId);
    if (!agent)
      this.agents.set(agentId, (agent = { queues: new Set(), paused: new Set(), pausedAll: false, pauseReason: '', calls: new Set() }));
    return agent;
  }
}

function statusOf(agent: Agent): AgentStatus {
  if (agent.loggedIn === false) return { state: 'offline' };
  if (agent.calls.size > 0) return { state: 'on_call' };
  if (agent.loggedIn === undefined && agent.queues.size === 0 && !agent.pausedAll) return { state: 'offline' };
  const pausedEverywhere = agent.queues.size > 0 && [...agent.queues].every((queue) => agent.paused.has(queue));
  if (agent.pausedAll || pausedEverywhere) return agent.pauseReason ? { state: 'break', reason: agent.pauseReason } : { state: 'break' };
  return { state: 'available' };
}
