import type { Producer } from 'kafkajs';
import { decodeEvent, InProcessSource } from '@callboard/ingest';

export interface IntakeResult {
  accepted: number;
  rejected: Array<{ index: number; reason: string }>;
}

/** Where POST /events sends what it receives (one JSON text per event); resolves once every event is durably handed on. */
export interface EventIntake {
  submit(texts: readonly string[]): Promise<IntakeResult>;
}
export const EVENT_INTAKE = Symbol('EventIntake');

/** Embedded mode: the in-process pipeline; resolves when every event is in ClickHouse (invalid ones in the dead-letter table). */
export class InProcessIntake implements EventIntake {
  constructor(private readonly source: InProcessSource) {}

  async submit(texts: readonly string[]): Promise<IntakeResult> {
    const submission = await this.source.submitRaw(texts, 'http');
    await submission.stored;
    return { accepted: submission.accepted, rejected: submission.rejected };
  }
}

/**
 * Production: every event goes to the events topic as sent, invalid ones too, so that the
 * ingester dead-letters them with their topic, partition and offset like any other; the
 * answer names them at once. Resolves when the brokers have acknowledged every message.
 */
export class KafkaIntake implements EventIntake {
  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly clock: () => number = Date.now,
  ) {}

  async submit(texts: readonly string[]): Promise<IntakeResult> {
    const now = this.clock();
    const rejected: IntakeResult['rejected'] = [];
    const messages = texts.map((text, index) => {
      const validation = decodeEvent(text, now);
      if (!validation.ok) rejected.push({ index, reason: validation.rejection.reason });
      return { key: validation.ok ? messageKey(validation.event) : null, value: text };
    });
    if (messages.length > 0) await this.producer.send({ topic: this.topic, messages, acks: -1 });
    return { accepted: texts.length - rejected.length, rejected };
  }
}

// EVENTS.md: callId for call and survey events, agentId for agent events.
function messageKey(event: Record<string, unknown>): string | null {
  const { callId, agentId } = event;
  if (typeof callId === 'string') return callId;
  return typeof agentId === 'string' ? agentId : null;
}
