import { createHash } from 'node:crypto';
import type { CallEventInput, FlowOutReason } from '../../contract';
import { AgentFloor } from './agent-floor';
import { hasValue, parseQueueLogLine, type QueueLogLine } from './queue-log-line';

export interface QueueLogMapperOptions {
  /** EVENTS.md `tenant`; absent means `default`. */
  tenant?: string;
}

export interface MappedLine {
  events: CallEventInput[];
  /** Why the line was skipped, if it was. */
  problem?: string;
}

/** Lines that carry nothing the metrics use: ring attempts, reloads, FreePBX's DID/INFO companions, Wazo's refusals. */
const IGNORED = new Set([
  'RINGNOANSWER',
  'RINGCANCELED',
  'AGENTDUMP',
  'SYSCOMPAT',
  'CONFIGRELOAD',
  'QUEUESTART',
  'DID',
  'INFO',
  'PENALTY',
  'FULL',
  'JOINEMPTY',
  'JOINUNAVAIL',
  'LEAVEEMPTY',
  'CLOSED',
]);

const FLOW_OUTS: Record<string, FlowOutReason> = { EXITWITHTIMEOUT: 'timeout', EXITWITHKEY: 'key', EXITEMPTY: 'no_agents' };
const ANONYMOUS = new Set(['', 'unknown', 'anonymous', 'private', 'restricted', 'unavailable', 'none']);
const MAX_ID = 128;
/** Identical lines are told apart by their occurrence; they share an epoch second, so old counts can go. */
const OCCURRENCE_MEMORY_MS = 3_600_000;

/**
 * queue_log lines → EVENTS.md events, in file order. Deterministic: the same lines in the same
 * order give the same events with the same ids, so a file read twice counts once. Stateful
 * only for what one line cannot say: the agents' states (AgentFloor), the queue names seen
 * (to recognise a transfer to a queue) and repeated identical lines.
 */
export class QueueLogMapper {
  private readonly floor = new AgentFloor();
  private readonly queues = new Set<string>();
  private readonly occurrences = new Map<string, { count: number; ts: number }>();
  private latest = 0;

  constructor(private readonly options: QueueLogMapperOptions = {}) {}

  map(text: string): MappedLine {
    const parsed = parseQueueLogLine(text);
    if ('problem' in parsed) return { events: [], problem: parsed.problem };
    const { line } = parsed;
    const tooLong = [line.callId, line.queue, line.agent].find((field) => field.length > MAX_ID);
    if (tooLong !== undefined) return { events: [], problem: `"${tooLong.slice(0, 40)}…" is longer than ${MAX_ID} characters` };
    if (IGNORED.has(line.event)) return { events: [] };
    const call = callEventOf(line, this.queues);
    if (call === undefined && !AGENT_EVENTS[line.event]) return { events: [], problem: `unknown event ${line.event}` };
    if (typeof call === 'string') return { events: [], problem: call };
    const agentChange = this.moveAgent(line);
    if (typeof agentChange === 'string') return { events: [], problem: agentChange };
    if (hasValue(line.queue)) this.queues.add(line.queue);

    const eventId = this.eventIdOf(text, line.ts);
    const events: CallEventInput[] = [];
    const tenant = this.options.tenant === undefined ? {} : { tenant: this.options.tenant };
    if (call) {
      const { type, ...fields } = call;
      events.push({ eventId, type, ts: line.ts, ...tenant, ...fields } as CallEventInput);
    }
    const status = agentChange && this.floor.takeChange(line.agent);
    if (status) {
      events.push({
        eventId: call ? `${eventId}:agent` : eventId,
        type: 'agent.state_changed',
        ts: line.ts,
        ...tenant,
        agentId: line.agent,
        ...status,
      });
    }
    return { events };
  }

  /** Moves the line's agent, if it concerns one: `true` then, a problem if it cannot, else undefined. */
  private moveAgent(line: QueueLogLine): true | string | undefined {
    const { floor } = this;
    const { agent, queue, callId, event, data } = line;
    const kind = AGENT_EVENTS[event];
    if (!kind) return undefined;
    if (!hasValue(agent)) return `${event} without an agent`;
    if (kind.needsQueue && !hasValue(queue)) return `${event} without a queue`;
    switch (event) {
      case 'ADDMEMBER':
        floor.addMember(agent, queue, data[0] === 'PAUSED');
        break;
      case 'REMOVEMEMBER':
        floor.removeMember(agent, queue);
        break;
      case 'AGENTLOGIN':
      case 'AGENTCALLBACKLOGIN':
        floor.logIn(agent, true);
        break;
      case 'AGENTLOGOFF':
      case 'AGENTCALLBACKLOGOFF':
        floor.logIn(agent, false);
        break;
      case 'PAUSE':
        floor.pause(agent, queue, (data[0] ?? '').slice(0, 64));
        break;
      case 'UNPAUSE':
        floor.unpause(agent, queue);
        break;
      case 'PAUSEALL':
        floor.pauseAll(agent, (data[0] ?? '').slice(0, 64));
        break;
      case 'UNPAUSEALL':
        floor.unpauseAll(agent);
        break;
      case 'CONNECT':
        floor.connect(agent, queue, callId);
        break;
      default:
        // COMPLETE*, transfers: the talk is over.
        floor.release(agent, callId);
    }
    return true;
  }

  /** `ast-` + the line's hash (with the tenant: two PBXes may write identical lines), `-n` for its n-th identical copy. */
  private eventIdOf(text: string, ts: number): string {
    const hash = createHash('sha256')
      .update(`${this.options.tenant ?? ''}\n${text}`)
      .digest('hex')
      .slice(0, 32);
    const seen = this.occurrences.get(hash);
    const count = (seen?.count ?? 0) + 1;
    this.occurrences.set(hash, { count, ts });
    if (ts > this.latest + OCCURRENCE_MEMORY_MS) this.forgetBefore((this.latest = ts) - OCCURRENCE_MEMORY_MS);
    return count === 1 ? `ast-${hash}` : `ast-${hash}-${count}`;
  }

  private forgetBefore(ts: number): void {
    for (const [hash, seen] of this.occurrences) if (seen.ts < ts) this.occurrences.delete(hash);
  }
}

/** Events that move an agent's state; `needsQueue` when Asterisk names the queue. */
const AGENT_EVENTS: Record<string, { needsQueue: boolean } | undefined> = {
  ADDMEMBER: { needsQueue: true },
  REMOVEMEMBER: { needsQueue: true },
  AGENTLOGIN: { needsQueue: false },
  AGENTCALLBACKLOGIN: { needsQueue: false },
  AGENTLOGOFF: { needsQueue: false },
  AGENTCALLBACKLOGOFF: { needsQueue: false },
  PAUSE: { needsQueue: true },
  UNPAUSE: { needsQueue: true },
  PAUSEALL: { needsQueue: false },
  UNPAUSEALL: { needsQueue: false },
  CONNECT: { needsQueue: true },
  COMPLETECALLER: { needsQueue: true },
  COMPLETEAGENT: { needsQueue: true },
  BLINDTRANSFER: { needsQueue: true },
  ATTENDEDTRANSFER: { needsQueue: true },
  TRANSFER: { needsQueue: true },
};

type CallFields = Record<string, unknown> & { type: string };

/** The call event of a line (without id, ts, tenant), a problem, `null` for a line that is no call event, or undefined if unknown. */
function callEventOf(line: QueueLogLine, queues: ReadonlySet<string>): CallFields | string | null | undefined {
  const { callId, queue, agent, event, data } = line;
  const kind = CALL_EVENTS[event];
  if (kind === undefined) return AGENT_EVENTS[event] ? null : undefined;
  if (!hasValue(callId)) return `${event} without a call id`;
  if (!hasValue(queue)) return `${event} without a queue`;
  if (kind === 'agent' && !hasValue(agent)) return `${event} without an agent`;
  switch (event) {
    case 'ENTERQUEUE': {
      // ENTERQUEUE(url|callerid|position); Asterisk writes "" for no caller number, SIP says "anonymous".
      const caller = (data[1] ?? '').trim();
      const customer = ANONYMOUS.has(caller.toLowerCase()) ? {} : { customerId: caller.slice(0, MAX_ID) };
      return { type: 'call.offered', callId, queue, ...customer };
    }
    case 'CONNECT':
      return { type: 'call.answered', callId, queue, agentId: agent };
    case 'ABANDON':
      return { type: 'call.abandoned', callId, queue };
    case 'COMPLETECALLER':
    case 'COMPLETEAGENT':
      // queue_log has no after-call work: Asterisk's wrapuptime is never logged.
      return { type: 'call.ended', callId, agentId: agent, endedBy: event === 'COMPLETECALLER' ? 'customer' : 'agent', wrapup: false };
    case 'BLINDTRANSFER':
    case 'TRANSFER': {
      // BLINDTRANSFER(extension|context|holdtime|calltime|origposition), legacy TRANSFER(extension|context[|holdtime|calltime]).
      const target = data[0] ?? '';
      return { type: 'call.transferred', callId, agentId: agent, ...(queues.has(target) ? { toQueue: target } : {}) };
    }
    case 'ATTENDEDTRANSFER':
      // (BRIDGE|bridge | APP|app | LINK|chan|chan)|holdtime|calltime|origposition: the target is a bridge or channel, never a queue name.
      return { type: 'call.transferred', callId, agentId: agent };
    default:
      return { type: 'call.flowed_out', callId, queue, reason: FLOW_OUTS[event] };
  }
}

/** Call events; `agent` when the line must name the agent. */
const CALL_EVENTS: Record<string, 'caller' | 'agent' | undefined> = {
  ENTERQUEUE: 'caller',
  CONNECT: 'agent',
  ABANDON: 'caller',
  EXITWITHTIMEOUT: 'caller',
  EXITWITHKEY: 'caller',
  EXITEMPTY: 'caller',
  COMPLETECALLER: 'agent',
  COMPLETEAGENT: 'agent',
  BLINDTRANSFER: 'agent',
  ATTENDEDTRANSFER: 'agent',
  TRANSFER: 'agent',
};

/** A whole log at once (pure: a fresh mapper each call); problems carry their 1-based line numbers. */
export function mapQueueLog(
  lines: readonly string[],
  options: QueueLogMapperOptions = {},
): { events: CallEventInput[]; problems: Array<{ line: number; message: string }> } {
  const mapper = new QueueLogMapper(options);
  const events: CallEventInput[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const mapped = mapper.map(text.replace(/\r$/, ''));
    events.push(...mapped.events);
    if (mapped.problem) problems.push({ line: index + 1, message: mapped.problem });
  });
  return { events, problems };
}
