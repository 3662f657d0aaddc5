import type { AgentState, CallEventInput, EventType } from '../contract';

/** An event with its time as epoch ms, for ordering without parsing `ts`. */
export interface TimedEvent {
  at: number;
  event: CallEventInput;
}

// The contract's objects are loose (extra fields allowed); drop the index signature so fields are checked.
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
type Fields<T extends EventType> = Omit<Known<Extract<CallEventInput, { type: T }>>, 'eventId' | 'type' | 'ts' | 'callId' | 'tenant'>;

/** Something that numbers its own events, so that event ids follow from the simulation alone. */
export interface Numbered {
  readonly idPrefix: string;
  eventCount: number;
}

/** Collects one simulated day's events; ids are the call's (or agent-day's) id and a sequence number. */
export class EventLog {
  readonly events: TimedEvent[] = [];

  constructor(
    private readonly formatTs: (epochMs: number) => string,
    private readonly tenant: string | undefined,
  ) {}

  call<T extends Exclude<EventType, 'agent.state_changed'>>(call: Numbered & { callId: string }, type: T, at: number, fields: Fields<T>) {
    const event = this.common(call, type, at);
    event['callId'] = call.callId;
    // The generic T cannot narrow the union; the caller's fields are already checked against T.
    this.events.push({ at, event: Object.assign(event, fields) as unknown as CallEventInput });
  }

  agent(agent: Numbered & { agentId: string; team: string }, state: AgentState, at: number, reason?: string) {
    const event = Object.assign(this.common(agent, 'agent.state_changed', at), { agentId: agent.agentId, state, team: agent.team });
    this.events.push({ at, event: (reason === undefined ? event : { ...event, reason }) as CallEventInput });
  }

  /** The day's events in time order; at equal times, in the order they were logged. */
  sorted(): TimedEvent[] {
    return this.events.sort((a, b) => a.at - b.at); // a stable sort
  }

  private common(owner: Numbered, type: EventType, at: number): Record<string, unknown> {
    const event: Record<string, unknown> = { eventId: `${owner.idPrefix}-${++owner.eventCount}`, type, ts: this.formatTs(at) };
    if (this.tenant !== undefined) event['tenant'] = this.tenant;
    return event;
  }
}
