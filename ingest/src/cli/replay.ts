import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { messageKey } from '../simulator/sinks/event-sink';
import { postNdjson, MAX_LINES_PER_REQUEST } from '../simulator/sinks/http-sink';
import type { KafkaSink } from '../simulator/sinks/kafka-sink';

export interface ReplayTotals {
  lines: number;
  accepted: number;
  /** Lines the api rejected (HTTP), or that are not JSON objects (Kafka: sent anyway, the ingester dead-letters them). */
  rejected: Array<{ line: number; reason: string }>;
}

export type ReplayTarget = { kind: 'http'; baseUrl: string } | { kind: 'kafka'; sink: KafkaSink };

/** Streams an NDJSON file to the target in chunks; blank lines are skipped, line numbers count from 1. */
export async function replayFile(path: string, target: ReplayTarget): Promise<ReplayTotals> {
  const totals: ReplayTotals = { lines: 0, accepted: 0, rejected: [] };
  let chunk: Array<{ line: number; text: string }> = [];
  let lineNumber = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    if (target.kind === 'http') await sendOverHttp(target.baseUrl, chunk, totals);
    else await sendToKafka(target.sink, chunk, totals);
    totals.lines += chunk.length;
    chunk = [];
  };
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    lineNumber++;
    if (text.trim() === '') continue;
    chunk.push({ line: lineNumber, text });
    if (chunk.length >= MAX_LINES_PER_REQUEST) await flush();
  }
  await flush();
  return totals;
}

async function sendOverHttp(baseUrl: string, chunk: Array<{ line: number; text: string }>, totals: ReplayTotals): Promise<void> {
  const answer = await postNdjson(
    baseUrl,
    chunk.map(({ text }) => text),
  );
  totals.accepted += answer.accepted;
  for (const { index, reason } of answer.rejected) totals.rejected.push({ line: chunk[index]?.line ?? -1, reason });
}

async function sendToKafka(sink: KafkaSink, chunk: Array<{ line: number; text: string }>, totals: ReplayTotals): Promise<void> {
  const messages = chunk.map(({ line, text }) => {
    const key = keyOf(text);
    if (key === undefined) totals.rejected.push({ line, reason: 'not a JSON object with callId or agentId' });
    return { key: key ?? null, value: text };
  });
  await sink.sendRaw(messages);
  totals.accepted += chunk.length - messages.filter(({ key }) => key === null).length;
}

function keyOf(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return messageKey(value as Record<string, unknown>) ?? undefined;
  } catch {
    return undefined;
  }
}
