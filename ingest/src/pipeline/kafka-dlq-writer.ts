import type { Producer } from 'kafkajs';
import type { Batch, BatchWriter } from './pipeline';

/** Rejected records → the `<topic>.dlq` topic, with headers naming the reason and the origin (as PostHog does). */
export class KafkaDeadLetterWriter implements BatchWriter {
  readonly target = 'kafka_dlq';
  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  async write(batch: Batch): Promise<void> {
    if (batch.deadLetters.length === 0) return;
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: batch.deadLetters.map((letter) => ({
        key: letter.dead_letter_id,
        value: letter.raw,
        headers: {
          'callboard-reason-code': letter.reason_code,
          'callboard-reason': letter.reason,
          'callboard-source': letter.source,
          'callboard-origin-topic': letter.topic,
          'callboard-origin-partition': String(letter.partition),
          'callboard-origin-offset': letter.offset,
          'callboard-raw-size': String(letter.raw_size),
        },
      })),
    });
  }
}
