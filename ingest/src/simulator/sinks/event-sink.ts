import type { CallEventInput } from '../../contract';

/** Where simulated or replayed events go; `send` resolves once the batch is durably handed on. */
export interface EventSink {
  send(events: CallEventInput[]): Promise<void>;
  close(): Promise<void>;
}

/** EVENTS.md: `callId` for call and survey events, `agentId` for agent events, so one call's events stay in order. */
export function messageKey(event: Record<string, unknown>): string | null {
  const { callId, agentId } = event;
  if (typeof callId === 'string') return callId;
  return typeof agentId === 'string' ? agentId : null;
}
