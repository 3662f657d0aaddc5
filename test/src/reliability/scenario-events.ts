import type { Admin, Message, Producer } from 'kafkajs';
import { generateCalls, type GeneratedEvent } from '../reference/generate-calls';

export type { GeneratedEvent };

/** The clock of the API and of the reference: after every generated event. */
export const NOW = Date.parse('2026-11-20T00:00:00Z');
export const TIMEZONE = 'Asia/Shanghai';
/** Holds every generated event: offers from 16 Nov 00:00 UTC for 2 days, events up to 6 h before and a day after. */
export const PERIOD = { from: '2026-11-15T00:00:00+08:00', to: '2026-11-20T00:00:00+08:00' };

/** A seeded call-centre event set (calls, transfers, surveys, agent states); ids start with `prefix`. */
export function scenarioEvents(seed: number, calls: number, prefix: string): GeneratedEvent[] {
  return generateCalls({
    seed,
    calls,
    start: '2026-11-16T00:00:00Z',
    days: 2,
    queues: ['billing', 'support', 'sales'],
    agents: ['a-01', 'a-02', 'a-03', 'a-04', 'a-05', 'a-06', 'a-07', 'a-08'],
    teams: ['north', 'south'],
    prefix,
  });
}

/** As EVENTS.md asks producers to key them: by callId, agent events by agentId. */
export function toMessage(event: GeneratedEvent): Message {
  return { key: String(event['callId'] ?? event['agentId'] ?? event.eventId), value: JSON.stringify(event) };
}

/**
 * Sends chunk by chunk as an at-least-once producer does: a send that still fails after the
 * client's own retries is sent again, so a chunk may land twice. Resolves with the re-sends.
 */
export async function produceAtLeastOnce(
  producer: Producer,
  topic: string,
  messages: readonly Message[],
  options: { chunk?: number; pauseMs?: number; attempts?: number } = {},
): Promise<number> {
  const chunk = options.chunk ?? 500;
  let resends = 0;
  for (let start = 0; start < messages.length; start += chunk) {
    for (let attempt = 1; ; attempt++) {
      try {
        await producer.send({ topic, acks: -1, messages: messages.slice(start, start + chunk) });
        break;
      } catch (error) {
        if (attempt >= (options.attempts ?? 5)) throw error;
        resends++;
      }
    }
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return resends;
}

/** How many messages the topic holds (sum of the partitions' high watermarks). */
export async function messagesInTopic(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
}

export function splitInto<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, index) => items.slice(index * size, (index + 1) * size));
}
