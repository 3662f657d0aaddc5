import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { CallEventInput } from '../../contract';
import { messageKey, type EventSink } from './event-sink';

/** Production mode: events to the events topic, keyed per EVENTS.md; `send` resolves once all brokers in sync acknowledged. */
export class KafkaSink implements EventSink {
  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly ownsProducer = false,
  ) {}

  /** A sink with a producer of its own, disconnected by `close`. */
  static async connect(options: { brokers: string[]; topic: string; clientId?: string }): Promise<KafkaSink> {
    const kafka = new Kafka({ clientId: options.clientId ?? 'callboard-simulator', brokers: options.brokers, logLevel: logLevel.WARN });
    const producer = kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new KafkaSink(producer, options.topic, true);
  }

  async send(events: CallEventInput[]): Promise<void> {
    await this.sendRaw(events.map((event) => ({ key: messageKey(event), value: JSON.stringify(event) })));
  }

  /** Messages as they are (e.g. replayed NDJSON lines, valid or not: the ingester dead-letters what it must). */
  async sendRaw(messages: Array<{ key: string | null; value: string }>): Promise<void> {
    if (messages.length > 0) await this.producer.send({ topic: this.topic, acks: -1, messages });
  }

  async close(): Promise<void> {
    if (this.ownsProducer) await this.producer.disconnect();
  }
}
