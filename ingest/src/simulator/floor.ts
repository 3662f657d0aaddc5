import type { AgentState } from '../contract';
import type { PlannedCall } from './arrivals';
import type { Numbered } from './event-log';
import type { QueueProfile } from './profile';
import type { PlannedBreak } from './roster';
import { WaitingLine } from './waiting-line';

export interface Call extends Numbered {
  callId: string;
  plan: PlannedCall;
  legs: number;
  firstWaitMs: number;
}
export interface Leg {
  call: Call;
  queue: QueueProfile;
  offeredAt: number;
  waiting: boolean;
}
export interface Agent extends Numbered {
  agentId: string;
  team: string;
  queues: QueueProfile[];
  status: 'offline' | 'available' | 'busy' | 'break';
  reported: AgentState;
  idleSince: number;
  pendingBreak: PlannedBreak | undefined;
  pendingLogout: boolean;
}
/** Who is logged in for which queue, and who waits in which line: the routing decisions of an ACD. */
export class Floor {
  private readonly lines = new Map<string, WaitingLine<Leg>>();
  private readonly agentsByQueue = new Map<string, Agent[]>();

  constructor(queues: readonly QueueProfile[]) {
    for (const queue of queues) {
      this.lines.set(queue.id, new WaitingLine());
      this.agentsByQueue.set(queue.id, []);
    }
  }

  add(agent: Agent): void {
    for (const queue of agent.queues) this.agentsByQueue.get(queue.id)!.push(agent);
  }

  enqueue(leg: Leg): void {
    this.lines.get(leg.queue.id)!.push(leg);
  }

  /** Every leg still waiting in the queue's line, which is left empty. */
  drain(queue: QueueProfile): Leg[] {
    return this.lines.get(queue.id)!.drain();
  }

  /** Whether any agent serving the queue is logged in (on a break counts). */
  staffed(queue: QueueProfile): boolean {
    return this.agentsByQueue.get(queue.id)!.some((agent) => agent.status !== 'offline');
  }

  longestIdle(queue: QueueProfile): Agent | undefined {
    let best: Agent | undefined;
    for (const agent of this.agentsByQueue.get(queue.id)!) {
      if (agent.status === 'available' && (!best || agent.idleSince < best.idleSince)) best = agent;
    }
    return best;
  }

  /** The head of the highest-priority line the agent serves; the longest-waiting among equals. */
  nextWaiting(agent: Agent): Leg | undefined {
    let best: Leg | undefined;
    for (const queue of agent.queues) {
      const head = this.lines.get(queue.id)!.peek();
      if (!head) continue;
      if (!best || queue.priority > best.queue.priority || (queue.priority === best.queue.priority && head.offeredAt < best.offeredAt)) {
        best = head;
      }
    }
    return best;
  }
}
