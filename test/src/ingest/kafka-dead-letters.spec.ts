import type { KafkaMessage } from 'kafkajs';
import { generateCallEvents } from '../fixtures/calls';
import { queryRows } from '../helpers/clickhouse';
import { produceEvents, startIngester, storedEventCount, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';

const START = Date.parse('2026-11-20T01:00:00Z');
const FAR_FUTURE = new Date(Date.now() + 25 * 3600_000).toISOString();
const base = { eventId: 'bad', callId: 'c-bad', ts: '2026-11-20T09:00:00+08:00' };

// Each invalid kind of EVENTS.md "Validation", as raw message text, with the reason it must get.
const INVALID: Array<[string, string]> = [
  ['{"eventId": "x", "type": ', 'invalid_json'],
  ['\u0000\u00ff\u00fe binary garbage', 'invalid_json'],
  ['[1, 2, 3]', 'not_an_object'],
  [JSON.stringify({ ...base, type: 'call.answered', queue: 'billing' }), 'missing_field'], // no agentId
  [JSON.stringify({ ...base, type: 'call.offered' }), 'missing_field'], // no queue
  [JSON.stringify({ ...base, type: 'call.offered', queue: 42 }), 'wrong_type'],
  [JSON.stringify({ ...base, type: 'survey.completed', score: 0 }), 'out_of_range'],
  [JSON.stringify({ ...base, type: 'survey.completed', score: 6 }), 'out_of_range'],
  [JSON.stringify({ ...base, type: 'call.abandoned', queue: 'billing', ts: -1 }), 'out_of_range'],
  ['{"eventId":"bad","callId":"c-bad","type":"call.abandoned","queue":"billing","ts":1e400}', 'out_of_range'],
  [JSON.stringify({ ...base, type: 'call.abandoned', queue: 'billing', ts: FAR_FUTURE }), 'out_of_range'],
  [JSON.stringify({ ...base, type: 'call.teleported', queue: 'billing' }), 'unknown_type'],
  [JSON.stringify({ ...base, type: 'call.abandoned', queue: 'q'.repeat(129) }), 'out_of_range'],
  [
    JSON.stringify({ ...base, type: 'call.offered', queue: 'billing', customerId: '+8613912345678', padding: 'x'.repeat(1024 * 1024) }),
    'too_large',
  ],
];

describe('Kafka → ClickHouse: invalid events go to the dead-letter store, their neighbours are stored', () => {
  const suite = useKafkaSuite();

  it('dead-letters each invalid kind with its reason and origin while every valid event lands', async () => {
    const valid = generateCallEvents(100, START);
    const interleaved: Array<(typeof valid)[number] | string> = [];
    valid.forEach((event, index) => {
      interleaved.push(event);
      const invalid = INVALID[index];
      if (invalid) interleaved.push(invalid[0]);
    });
    await produceEvents(suite.producer, TOPIC, interleaved);

    const ingester = await startIngester({ kafka: suite.kafka, client: suite.clickHouse.client, topic: TOPIC, groupId: 'dlq' });
    suite.ingesters.push(ingester);
    const deadLetters = () =>
      queryRows<{ reason_code: string; reason: string; topic: string; partition: number; offset: string; raw: string; raw_size: string }>(
        suite.clickHouse.client,
        'SELECT reason_code, reason, topic, partition, offset, raw, raw_size FROM dead_letters FINAL ORDER BY reason_code, reason',
      );
    await waitFor(
      async () => (await deadLetters()).length === INVALID.length && (await storedEventCount(suite.clickHouse.client)) === valid.length,
      60_000,
      'dead letters and events',
    );

    const letters = await deadLetters();
    expect(letters.map((letter) => letter.reason_code).sort()).toEqual(INVALID.map(([, code]) => code).sort());
    for (const letter of letters) {
      expect(letter.topic).toBe(TOPIC);
      expect(Number(letter.partition)).toBeGreaterThanOrEqual(0);
      expect(Number(letter.offset)).toBeGreaterThanOrEqual(0);
      expect(letter.reason.startsWith(`${letter.reason_code}: `)).toBe(true);
    }
    expect(letters.find((letter) => letter.reason_code === 'unknown_type')?.reason).toContain('call.teleported');
    expect(letters.find((letter) => letter.reason.includes('agentId'))?.reason_code).toBe('missing_field');

    const tooLarge = letters.find((letter) => letter.reason_code === 'too_large')!;
    expect(Number(tooLarge.raw_size)).toBeGreaterThan(1024 * 1024);
    expect(tooLarge.raw).not.toContain('+8613912345678'); // the number is redacted even in a dead letter
    expect(tooLarge.raw).toMatch(/"customerId":"hmac-sha256:[0-9a-f]{64}"/);

    const dlqMessages = await readTopic(suite, `${TOPIC}.dlq`, INVALID.length);
    expect(dlqMessages.map((message) => message.headers?.['callboard-reason-code']?.toString()).sort()).toEqual(
      INVALID.map(([, code]) => code).sort(),
    );
    expect(dlqMessages.every((message) => message.headers?.['callboard-origin-topic']?.toString() === TOPIC)).toBe(true);
  });
});

async function readTopic(suite: ReturnType<typeof useKafkaSuite>, topic: string, expected: number): Promise<KafkaMessage[]> {
  const consumer = suite.kafka.consumer({ groupId: `reader-${topic}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  try {
    await waitFor(async () => messages.length >= expected, 30_000, `${expected} messages on ${topic}`);
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
