/** One queue_log line, `epoch|callid|queuename|agent|EVENT|data1|data2|…` (Asterisk's "Queue Logs"). */
export interface QueueLogLine {
  /** Unix epoch in milliseconds (Asterisk writes whole seconds). */
  ts: number;
  /** The caller channel's uniqueid, or `NONE` / `REALTIME` / `MANAGER` on member lines. */
  callId: string;
  queue: string;
  agent: string;
  event: string;
  data: string[];
}

export type ParsedLine = { line: QueueLogLine } | { problem: string };

/** Values Asterisk writes where a field has no value. */
const NO_VALUE = new Set(['', 'NONE']);

export function hasValue(field: string): boolean {
  return !NO_VALUE.has(field);
}

export function parseQueueLogLine(text: string): ParsedLine {
  const fields = text.split('|');
  if (fields.length < 5) return { problem: `expected epoch|callid|queuename|agent|EVENT|data…, found ${fields.length} field(s)` };
  const [epoch, callId, queue, agent, event, ...data] = fields as [string, string, string, string, string, ...string[]];
  // Asterisk writes whole seconds; some exporters keep a fraction.
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(epoch)) return { problem: `"${epoch.slice(0, 40)}" is not a Unix epoch in seconds` };
  if (!/^[A-Z][A-Z0-9_]*$/.test(event)) return { problem: `"${event.slice(0, 40)}" is not an event name` };
  return { line: { ts: Math.round(Number(epoch) * 1000), callId, queue, agent, event, data } };
}
