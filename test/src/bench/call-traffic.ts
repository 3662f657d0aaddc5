import type { CallEventInput } from '@callboard/ingest';

/** Calls through their lifecycle, stamped now: offered, answered, ended, wrapped up, with agent states. */
export class CallTraffic {
  private sequence = 0;
  private readonly open: Array<{ callId: string; queue: string; agentId: string; step: number }> = [];

  constructor(private readonly queues: string[]) {}

  next(count: number): CallEventInput[] {
    const events: CallEventInput[] = [];
    const ts = Date.now();
    while (events.length < count) {
      const id = (this.sequence += 1);
      const call = this.open.length < 400 ? undefined : this.open.shift();
      if (!call) {
        const queue = this.queues[id % this.queues.length]!;
        const callId = `call-${id}`;
        this.open.push({ callId, queue, agentId: `agent-${id % 300}`, step: 0 });
        events.push({
          eventId: `e-${id}`,
          type: 'call.offered',
          ts,
          callId,
          queue,
          customerId: `+86138${String(id % 100_000).padStart(6, '0')}`,
        });
        continue;
      }
      const { callId, queue, agentId } = call;
      const step = call.step + 1;
      if (step === 1) events.push({ eventId: `e-${id}`, type: 'call.answered', ts, callId, queue, agentId });
      if (step === 2) events.push({ eventId: `e-${id}`, type: 'agent.state_changed', ts, agentId, state: 'on_call' });
      if (step === 3) events.push({ eventId: `e-${id}`, type: 'call.ended', ts, callId, agentId });
      if (step === 4) events.push({ eventId: `e-${id}`, type: 'call.wrapup_completed', ts, callId, agentId, disposition: 'resolved' });
      if (step < 4) this.open.push({ ...call, step });
    }
    return events;
  }
}
