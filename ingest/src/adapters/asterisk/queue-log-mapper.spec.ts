import { validateEvent, type CallEventInput } from '../../contract';
import { mapQueueLog } from './queue-log-mapper';

// Lines as Asterisk's app_queue writes them ("Queue Logs"): epoch|callid|queuename|agent|EVENT|data…
const T0 = 1_794_272_400; // 2026-11-10T09:00:00+08:00
const at = (seconds: number): number => T0 + seconds;
const ms = (seconds: number): number => at(seconds) * 1000;

/** The events without their ids (checked on their own below). */
function eventsOf(lines: string[]): Array<Omit<CallEventInput, 'eventId'>> {
  const { events, problems } = mapQueueLog(lines);
  expect(problems).toEqual([]);
  for (const event of events) expect(validateEvent(event, ms(86_400))).toMatchObject({ ok: true });
  return events.map(({ eventId: _eventId, ...event }) => event);
}

const agentState = (seconds: number, agentId: string, state: string, reason?: string) => ({
  type: 'agent.state_changed',
  ts: ms(seconds),
  agentId,
  state,
  ...(reason ? { reason } : {}),
});

describe('queue_log → events: call flows', () => {
  it('answered, then completed by the caller: the agent is on a call from CONNECT to COMPLETECALLER', () => {
    const lines = [
      `${at(0)}|MANAGER|support|PJSIP/101|ADDMEMBER|`,
      `${at(10)}|1794272410.1|support|NONE|ENTERQUEUE||+8613800000001|1`,
      `${at(14)}|1794272410.1|support|PJSIP/101|RINGNOANSWER|4000`,
      `${at(22)}|1794272410.1|support|PJSIP/101|CONNECT|12|1794272420.2|3`,
      `${at(200)}|1794272410.1|support|PJSIP/101|COMPLETECALLER|12|178|1`,
    ];
    expect(eventsOf(lines)).toEqual([
      agentState(0, 'PJSIP/101', 'available'),
      { type: 'call.offered', ts: ms(10), callId: '1794272410.1', queue: 'support', customerId: '+8613800000001' },
      { type: 'call.answered', ts: ms(22), callId: '1794272410.1', queue: 'support', agentId: 'PJSIP/101' },
      agentState(22, 'PJSIP/101', 'on_call'),
      { type: 'call.ended', ts: ms(200), callId: '1794272410.1', agentId: 'PJSIP/101', endedBy: 'customer', wrapup: false },
      agentState(200, 'PJSIP/101', 'available'),
    ]);
  });

  it('completed by the agent: endedBy agent; a static member (no ADDMEMBER) is known from its CONNECT', () => {
    const lines = [
      `${at(0)}|1794272400.7|sales|NONE|ENTERQUEUE||8005551234|1`,
      `${at(5)}|1794272400.7|sales|Alice|CONNECT|5|1794272405.8|2`,
      `${at(65)}|1794272400.7|sales|Alice|COMPLETEAGENT|5|60|1`,
    ];
    expect(eventsOf(lines)).toEqual([
      { type: 'call.offered', ts: ms(0), callId: '1794272400.7', queue: 'sales', customerId: '8005551234' },
      { type: 'call.answered', ts: ms(5), callId: '1794272400.7', queue: 'sales', agentId: 'Alice' },
      agentState(5, 'Alice', 'on_call'),
      { type: 'call.ended', ts: ms(65), callId: '1794272400.7', agentId: 'Alice', endedBy: 'agent', wrapup: false },
      agentState(65, 'Alice', 'available'),
    ]);
  });

  it('abandoned; exit with timeout, with a key, and when the queue empties are flow-outs with their reason', () => {
    const lines = [
      `${at(0)}|c-ab|support|NONE|ENTERQUEUE|||1`,
      `${at(30)}|c-ab|support|NONE|ABANDON|1|1|30`,
      `${at(0)}|c-to|support|NONE|ENTERQUEUE||anonymous|2`,
      `${at(300)}|c-to|support|NONE|EXITWITHTIMEOUT|1|2|300`,
      `${at(1)}|c-key|support|NONE|ENTERQUEUE||Unknown|3`,
      `${at(41)}|c-key|support|NONE|EXITWITHKEY|5|1|3|40`,
      `${at(2)}|c-empty|support|NONE|ENTERQUEUE||1001|4`,
      `${at(5)}|c-empty|support|NONE|EXITEMPTY|1|4|3`,
    ];
    expect(eventsOf(lines)).toEqual([
      // Asterisk writes "" for no caller number; SIP writes anonymous; both are no customer.
      { type: 'call.offered', ts: ms(0), callId: 'c-ab', queue: 'support' },
      { type: 'call.abandoned', ts: ms(30), callId: 'c-ab', queue: 'support' },
      { type: 'call.offered', ts: ms(0), callId: 'c-to', queue: 'support' },
      { type: 'call.flowed_out', ts: ms(300), callId: 'c-to', queue: 'support', reason: 'timeout' },
      { type: 'call.offered', ts: ms(1), callId: 'c-key', queue: 'support' },
      { type: 'call.flowed_out', ts: ms(41), callId: 'c-key', queue: 'support', reason: 'key' },
      { type: 'call.offered', ts: ms(2), callId: 'c-empty', queue: 'support', customerId: '1001' },
      { type: 'call.flowed_out', ts: ms(5), callId: 'c-empty', queue: 'support', reason: 'no_agents' },
    ]);
  });

  it('a blind transfer to an extension that is a queue names it; the caller then enters that queue as a new leg', () => {
    const lines = [
      `${at(0)}|MANAGER|billing|Bob|ADDMEMBER|`,
      `${at(10)}|c-x|support|NONE|ENTERQUEUE||+8613800000002|1`,
      `${at(15)}|c-x|support|Alice|CONNECT|5|c-x-agent|2`,
      `${at(75)}|c-x|support|Alice|BLINDTRANSFER|billing|from-internal|5|60|1`,
      `${at(75)}|c-x|billing|NONE|ENTERQUEUE||+8613800000002|1`,
      `${at(83)}|c-x|billing|Bob|CONNECT|8|c-x-bob|2`,
      `${at(143)}|c-x|billing|Bob|BLINDTRANSFER|2001|from-internal|8|60|1`,
    ];
    expect(eventsOf(lines)).toEqual([
      agentState(0, 'Bob', 'available'),
      { type: 'call.offered', ts: ms(10), callId: 'c-x', queue: 'support', customerId: '+8613800000002' },
      { type: 'call.answered', ts: ms(15), callId: 'c-x', queue: 'support', agentId: 'Alice' },
      agentState(15, 'Alice', 'on_call'),
      { type: 'call.transferred', ts: ms(75), callId: 'c-x', agentId: 'Alice', toQueue: 'billing' },
      agentState(75, 'Alice', 'available'),
      { type: 'call.offered', ts: ms(75), callId: 'c-x', queue: 'billing', customerId: '+8613800000002' },
      { type: 'call.answered', ts: ms(83), callId: 'c-x', queue: 'billing', agentId: 'Bob' },
      agentState(83, 'Bob', 'on_call'),
      // 2001 is an extension, no queue seen in the log: no toQueue.
      { type: 'call.transferred', ts: ms(143), callId: 'c-x', agentId: 'Bob' },
      agentState(143, 'Bob', 'available'),
    ]);
  });

  it('attended transfers (to a bridge, an application or linked channels) end the talk with no target queue', () => {
    const lines = [
      `${at(0)}|c-1|support|Alice|CONNECT|3|c-1b|2`,
      `${at(90)}|c-1|support|Alice|ATTENDEDTRANSFER|BRIDGE|4b8e0a2c-5d2f-4d8e-9a63-1f0c2a7b9e11|3|90|1`,
      `${at(100)}|c-2|support|Alice|CONNECT|4|c-2b|2`,
      `${at(160)}|c-2|support|Alice|ATTENDEDTRANSFER|APP|VoiceMail|4|60|1`,
      `${at(170)}|c-3|support|Alice|CONNECT|2|c-3b|2`,
      `${at(200)}|c-3|support|Alice|ATTENDEDTRANSFER|LINK|PJSIP/101-00000010|PJSIP/2001-00000011|2|30|1`,
    ];
    const transfers = eventsOf(lines).filter((event) => event.type === 'call.transferred');
    expect(transfers).toEqual([
      { type: 'call.transferred', ts: ms(90), callId: 'c-1', agentId: 'Alice' },
      { type: 'call.transferred', ts: ms(160), callId: 'c-2', agentId: 'Alice' },
      { type: 'call.transferred', ts: ms(200), callId: 'c-3', agentId: 'Alice' },
    ]);
  });

  it('legacy lines: 1.2–1.4 ENTERQUEUE, EXITWITH*, TRANSFER and callback agents', () => {
    const lines = [
      `${at(0)}|NONE|NONE|Agent/1001|AGENTCALLBACKLOGIN|1001@from-internal`,
      `${at(10)}|1794272410.3|support|NONE|ENTERQUEUE||+8613800000003`,
      `${at(20)}|1794272410.3|support|Agent/1001|CONNECT|10`,
      `${at(80)}|1794272410.3|support|Agent/1001|TRANSFER|2001|from-internal|10|60`,
      `${at(90)}|1794272490.4|support|NONE|ENTERQUEUE||`,
      `${at(95)}|1794272490.4|support|NONE|EXITWITHKEY|5|1`,
      `${at(96)}|1794272496.5|support|NONE|ENTERQUEUE||`,
      `${at(100)}|1794272496.5|support|NONE|EXITWITHTIMEOUT|1`,
      `${at(3600)}|NONE|NONE|Agent/1001|AGENTCALLBACKLOGOFF|1001@from-internal|3600|CommandLogoff`,
    ];
    expect(eventsOf(lines)).toEqual([
      agentState(0, 'Agent/1001', 'available'),
      { type: 'call.offered', ts: ms(10), callId: '1794272410.3', queue: 'support', customerId: '+8613800000003' },
      { type: 'call.answered', ts: ms(20), callId: '1794272410.3', queue: 'support', agentId: 'Agent/1001' },
      agentState(20, 'Agent/1001', 'on_call'),
      { type: 'call.transferred', ts: ms(80), callId: '1794272410.3', agentId: 'Agent/1001' },
      agentState(80, 'Agent/1001', 'available'),
      { type: 'call.offered', ts: ms(90), callId: '1794272490.4', queue: 'support' },
      { type: 'call.flowed_out', ts: ms(95), callId: '1794272490.4', queue: 'support', reason: 'key' },
      { type: 'call.offered', ts: ms(96), callId: '1794272496.5', queue: 'support' },
      { type: 'call.flowed_out', ts: ms(100), callId: '1794272496.5', queue: 'support', reason: 'timeout' },
      agentState(3600, 'Agent/1001', 'offline'),
    ]);
  });

  it('ignores the lines that carry nothing the metrics use', () => {
    const lines = [
      `${at(0)}|NONE|NONE|NONE|QUEUESTART|`,
      `${at(1)}|NONE|NONE|NONE|CONFIGRELOAD|`,
      `${at(2)}|1794272402.1|support|NONE|DID|4008001234`,
      `${at(3)}|1794272402.1|support|PJSIP/101|RINGNOANSWER|15000`,
      `${at(4)}|1794272402.1|support|PJSIP/101|RINGCANCELED|1200`,
      `${at(5)}|1794272402.1|support|PJSIP/101|AGENTDUMP|`,
    ];
    expect(mapQueueLog(lines)).toEqual({ events: [], problems: [] });
  });
});

describe('queue_log → events: agent states', () => {
  it('PAUSE / UNPAUSE with a reason; an agent in two queues is on break only when paused in both', () => {
    const lines = [
      `${at(0)}|MANAGER|support|PJSIP/101|ADDMEMBER|`,
      `${at(0)}|MANAGER|billing|PJSIP/101|ADDMEMBER|`,
      `${at(600)}|NONE|support|PJSIP/101|PAUSE|Lunch`,
      `${at(600)}|NONE|billing|PJSIP/101|PAUSE|Lunch`,
      `${at(2400)}|NONE|support|PJSIP/101|UNPAUSE|`,
      `${at(2400)}|NONE|billing|PJSIP/101|UNPAUSE|`,
    ];
    expect(eventsOf(lines)).toEqual([
      agentState(0, 'PJSIP/101', 'available'),
      agentState(600, 'PJSIP/101', 'break', 'Lunch'),
      agentState(2400, 'PJSIP/101', 'available'),
    ]);
  });

  it('PAUSEALL / UNPAUSEALL (with the per-queue lines Asterisk writes beside them); a pause during a call begins when it ends', () => {
    const lines = [
      `${at(0)}|MANAGER|support|PJSIP/101|ADDMEMBER|`,
      `${at(10)}|c-1|support|PJSIP/101|CONNECT|1|c-1b|2`,
      `${at(20)}|NONE|NONE|PJSIP/101|PAUSEALL|`,
      `${at(20)}|NONE|support|PJSIP/101|PAUSE|Training`,
      `${at(70)}|c-1|support|PJSIP/101|COMPLETEAGENT|1|60|1`,
      `${at(900)}|NONE|NONE|PJSIP/101|UNPAUSEALL|`,
      `${at(900)}|NONE|support|PJSIP/101|UNPAUSE|`,
    ];
    expect(eventsOf(lines).filter((event) => event.type === 'agent.state_changed')).toEqual([
      agentState(0, 'PJSIP/101', 'available'),
      agentState(10, 'PJSIP/101', 'on_call'),
      agentState(70, 'PJSIP/101', 'break', 'Training'),
      agentState(900, 'PJSIP/101', 'available'),
    ]);
  });

  it('ADDMEMBER (paused or not) / REMOVEMEMBER: offline once the agent serves no queue', () => {
    const lines = [
      `${at(0)}|MANAGER|support|PJSIP/102|ADDMEMBER|PAUSED`,
      `${at(5)}|NONE|support|PJSIP/102|UNPAUSE|`,
      `${at(6)}|MANAGER|billing|PJSIP/102|ADDMEMBER|`,
      `${at(100)}|MANAGER|billing|PJSIP/102|REMOVEMEMBER|`,
      `${at(200)}|MANAGER|support|PJSIP/102|REMOVEMEMBER|`,
    ];
    expect(eventsOf(lines)).toEqual([
      agentState(0, 'PJSIP/102', 'break'),
      agentState(5, 'PJSIP/102', 'available'),
      agentState(200, 'PJSIP/102', 'offline'),
    ]);
  });

  it('AGENTLOGIN / AGENTLOGOFF (app_agent_pool)', () => {
    const lines = [
      `${at(0)}|1794272400.9|NONE|Agent/1001|AGENTLOGIN|PJSIP/1001-00000001`,
      `${at(3600)}|1794272400.9|NONE|Agent/1001|AGENTLOGOFF|PJSIP/1001-00000001|3600`,
    ];
    expect(eventsOf(lines)).toEqual([agentState(0, 'Agent/1001', 'available'), agentState(3600, 'Agent/1001', 'offline')]);
  });
});

describe('queue_log → events: ids and problems', () => {
  const day = [
    `${at(0)}|MANAGER|support|PJSIP/101|ADDMEMBER|`,
    `${at(10)}|c-1|support|NONE|ENTERQUEUE||+8613800000001|1`,
    `${at(22)}|c-1|support|PJSIP/101|CONNECT|12|c-1b|3`,
    `${at(200)}|c-1|support|PJSIP/101|COMPLETECALLER|12|178|1`,
  ];

  it('gives the same ids to the same lines, every time, and distinct ids within a log', () => {
    const first = mapQueueLog(day).events.map(({ eventId }) => eventId);
    expect(mapQueueLog(day).events.map(({ eventId }) => eventId)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => /^ast-[0-9a-f]{32}(:agent)?$/.test(id))).toBe(true);
    // The agent state a call line implies shares the line's id, with a suffix.
    expect(first[3]).toBe(`${first[2]}:agent`);
  });

  it('tells identical lines apart by their occurrence, and tenants apart', () => {
    const pauses = [
      `${at(0)}|MANAGER|support|PJSIP/101|ADDMEMBER|`,
      `${at(5)}|NONE|support|PJSIP/101|PAUSE|`,
      `${at(5)}|NONE|support|PJSIP/101|UNPAUSE|`,
      `${at(5)}|NONE|support|PJSIP/101|PAUSE|`,
    ];
    const ids = mapQueueLog(pauses).events.map(({ eventId }) => eventId);
    expect(ids).toHaveLength(4);
    expect(ids[3]).toBe(`${ids[1]}-2`);

    const tenant = mapQueueLog(day, { tenant: 'shanghai' }).events;
    expect(tenant.every((event) => event.tenant === 'shanghai')).toBe(true);
    expect(tenant[0]!.eventId).not.toBe(mapQueueLog(day).events[0]!.eventId);
  });

  it('reports malformed lines with their line numbers and goes on', () => {
    const lines = [
      `${at(10)}|c-1|support|NONE|ENTERQUEUE||+8613800000001|1`,
      'not a queue_log line',
      '',
      `yesterday|c-1|support|NONE|ENTERQUEUE||x|1`,
      `${at(11)}|NONE|support|NONE|ENTERQUEUE||x|1`,
      `${at(12)}|c-1|support|NONE|CONNECT|2|c-1b|1`,
      `${at(13)}|c-1|support|PJSIP/101|FROBNICATE|1`,
      `${at(14)}|c-1|support|PJSIP/101|CONNECT|4|c-1b|1\r`,
    ];
    const { events, problems } = mapQueueLog(lines);
    expect(problems).toEqual([
      { line: 2, message: 'expected epoch|callid|queuename|agent|EVENT|data…, found 1 field(s)' },
      { line: 4, message: '"yesterday" is not a Unix epoch in seconds' },
      { line: 5, message: 'ENTERQUEUE without a call id' },
      { line: 6, message: 'CONNECT without an agent' },
      { line: 7, message: 'unknown event FROBNICATE' },
    ]);
    expect(events.map(({ type }) => type)).toEqual(['call.offered', 'call.answered', 'agent.state_changed']);
  });
});
