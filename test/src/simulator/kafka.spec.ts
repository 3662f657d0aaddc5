import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { KafkaSink, NdjsonSink, Simulator, type CallEventInput } from '@callboard/ingest';
import { kafkaFor, waitFor } from '../helpers/ingest-harness';
import { startKafkaMockCluster, type KafkaMockCluster } from '../helpers/kafka-mock-cluster';
import { runCallboard } from './cli';

const FROM = Date.parse('2026-11-16T09:00:00+08:00');
const TO = Date.parse('2026-11-16T09:30:00+08:00');

/** What the simulator sends for [FROM, TO). */
async function simulatedEvents(): Promise<CallEventInput[]> {
  const events: CallEventInput[] = [];
  await new Simulator({ seed: 9 }).backfill({
    from: FROM,
    to: TO,
    sink: { send: async (batch) => void events.push(...batch), close: async () => undefined },
  });
  return events;
}

/** Reads the topic from the start until `count` messages came: key and value of each. */
async function consume(kafka: Kafka, topic: string, count: number): Promise<Array<{ key: string; event: CallEventInput }>> {
  const consumer = kafka.consumer({ groupId: `read-back-${topic}` });
  const messages: Array<{ key: string; event: CallEventInput }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      messages.push({ key: message.key!.toString(), event: JSON.parse(message.value!.toString()) as CallEventInput });
    },
  });
  await waitFor(async () => messages.length >= count, 30_000, `${count} messages read back`);
  await consumer.disconnect();
  return messages;
}

/** EVENTS.md: callId for call and survey events, agentId for agent events. */
function expectedKey(event: CallEventInput): string {
  return event.type === 'agent.state_changed' ? event.agentId : event.callId;
}

describe('simulated events into Kafka', () => {
  let cluster: KafkaMockCluster;
  let kafka: Kafka;
  let expected: CallEventInput[];
  beforeAll(async () => {
    cluster = await startKafkaMockCluster(1);
    kafka = kafkaFor(cluster);
    expected = await simulatedEvents();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('KafkaSink sends each event once, keyed by call or agent', async () => {
    await cluster.createTopic('sink-events', 3);
    const sink = await KafkaSink.connect({ brokers: cluster.brokers, topic: 'sink-events' });
    await new Simulator({ seed: 9 }).backfill({ from: FROM, to: TO, sink });
    await sink.close();

    const messages = await consume(kafka, 'sink-events', expected.length);
    expect(messages.length).toBe(expected.length);
    expect(messages.every(({ key, event }) => key === expectedKey(event))).toBe(true);
    expect(new Set(messages.map(({ event }) => event.eventId))).toEqual(new Set(expected.map((event) => event.eventId)));
  });

  it('callboard replay --kafka sends an NDJSON file line by line with the same keys', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'callboard-kafka-'));
    try {
      const file = join(folder, 'events.ndjson');
      const sink = new NdjsonSink(file);
      await sink.send(expected);
      await sink.close();
      await cluster.createTopic('replayed-events', 3);

      const replay = await runCallboard(['replay', file, '--kafka', cluster.brokers.join(','), '--topic', 'replayed-events']);
      expect(replay.output).toContain(`${expected.length} lines sent: ${expected.length} accepted, 0 rejected`);
      expect(replay.code).toBe(0);

      const messages = await consume(kafka, 'replayed-events', expected.length);
      expect(messages.length).toBe(expected.length);
      expect(messages.every(({ key, event }) => key === expectedKey(event))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
