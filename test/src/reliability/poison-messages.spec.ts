import { createHash } from 'node:crypto';
import type { Message } from 'kafkajs';
import { queryRows } from '../helpers/clickhouse';
import { committedOffsetTotal, startIngester, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { expectScenarioExactlyOnce } from './exactly-once';
import { recordingKafka } from './recording-kafka';
import { messagesInTopic, produceAtLeastOnce, scenarioEvents, splitInto, toMessage } from './scenario-events';

const GROUP_ID = 'poison';
const TEN_MIB = 10 * 1024 * 1024;
/** README: a dead letter keeps the raw bytes up to 1 MiB. */
const KEPT_RAW_BYTES = 1024 * 1024;
/** The mock keeps ~5 MB per partition and holds a larger batch only in an empty partition: this one stays empty for it. */
const HUGE_PARTITION = 5;
const DEPTH = 100_000;
const PHONE = '+8613912345678';
const offered = { type: 'call.offered', queue: 'billing', ts: '2026-11-17T09:00:00+08:00' };

/** An offered call padded to exactly `bytes`, carrying a caller number that must never be stored raw. */
function hugeValue(bytes: number): Buffer {
  const head = JSON.stringify({ ...offered, eventId: 'poison-huge', callId: 'c-huge', customerId: PHONE, padding: '' });
  return Buffer.from(head.slice(0, -2) + 'x'.repeat(bytes - Buffer.byteLength(head)) + '"}');
}

/** Every byte value, a few times over: not UTF-8, not JSON. */
const binaryGarbage = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 131 + 7) % 256));
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
// Valid in every field the contract knows; the unknown one is 100,000 levels deep.
const deepExtra = JSON.stringify({ ...offered, eventId: 'poison-deep-extra', callId: 'c-deep' }).slice(0, -1) + `,"extra":${deepObject}}`;

/** Keyed by call as EVENTS.md asks (one call, one partition), over every partition but the huge value's. */
function offHugePartition(message: Message): Message {
  const hash = [...String(message.key)].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 0);
  return { ...message, partition: hash % HUGE_PARTITION };
}

describe('poison messages: dead-lettered with a reason, the stream goes on', () => {
  const suite = useKafkaSuite();

  it('a 10 MiB value, binary garbage and 100,000-level JSON between valid events', async () => {
    const events = scenarioEvents(8108, 150, 'pm');
    const [first, second, third] = splitInto(events.map(toMessage).map(offHugePartition), 3);
    const huge = hugeValue(TEN_MIB);
    const consumer = recordingKafka(suite.cluster, 'ingester-poison');
    const ingester = await startIngester({ kafka: consumer.kafka, client: suite.clickHouse.client, topic: TOPIC, groupId: GROUP_ID });
    suite.ingesters.push(ingester);
    const deadLetters = () =>
      queryRows<{ event_id: string; reason_code: string; reason: string; raw: string; raw_size: string; raw_sha256: string }>(
        suite.clickHouse.client,
        'SELECT event_id, reason_code, reason, raw, raw_size, raw_sha256 FROM dead_letters FINAL ORDER BY raw_size DESC',
      );

    await produceAtLeastOnce(suite.producer, TOPIC, first!);
    // Read before anything else reaches its partition, or the mock would drop it to stay near 5 MB.
    await produceAtLeastOnce(suite.producer, TOPIC, [{ key: 'c-huge', value: huge, partition: HUGE_PARTITION }]);
    await waitFor(async () => (await deadLetters()).length === 1, 60_000, 'the 10 MiB value dead-lettered');
    const poison: Message[] = [
      { key: 'garbage', value: binaryGarbage },
      { key: 'deep-array', value: deepArray },
      { key: 'deep-object', value: deepObject },
      { key: 'c-deep', value: deepExtra },
    ].map(offHugePartition);
    await produceAtLeastOnce(suite.producer, TOPIC, [...second!, ...poison, ...third!]);
    await waitFor(
      async () => (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === (await messagesInTopic(suite.admin, TOPIC)),
      90_000,
      'every message committed',
    );
    expect(await messagesInTopic(suite.admin, TOPIC)).toBe(events.length + 1 + poison.length);

    const [tooLarge, ...rest] = await deadLetters();
    expect({ ...tooLarge, raw_size: Number(tooLarge?.raw_size) }).toMatchObject({
      event_id: 'poison-huge',
      reason_code: 'too_large',
      raw_size: TEN_MIB,
    });
    // Stored cut to its first 1 MiB (the redacted number makes it a few bytes longer), described
    // whole by its size and hash, the caller's number redacted even so.
    expect(tooLarge!.raw_sha256).toBe(createHash('sha256').update(huge).digest('hex'));
    expect(Math.abs(Buffer.byteLength(tooLarge!.raw) - KEPT_RAW_BYTES)).toBeLessThan(100);
    expect(tooLarge!.raw).not.toContain(PHONE);

    const byId = (eventId: string) => rest.find((letter) => letter.event_id === eventId);
    expect(rest.map((letter) => [Number(letter.raw_size), letter.reason_code]).sort()).toEqual(
      [
        [binaryGarbage.length, 'invalid_json'],
        [deepArray.length, 'not_an_object'],
        [deepObject.length, 'invalid_value'],
        [deepExtra.length, 'invalid_value'],
      ].sort(),
    );
    for (const letter of rest) expect(letter.reason.startsWith(`${letter.reason_code}: `)).toBe(true);
    expect(byId('poison-deep-extra')?.reason).toMatch(/nested|deep/);

    // Neither crashed nor stalled: kafkajs logs a handler that throws, and a consumer restart.
    expect(consumer.log.filter((entry) => /eachBatch|Crash|Restarting/i.test(entry.message))).toEqual([]);
    await expectScenarioExactlyOnce(suite.clickHouse.client, suite.clickHouse.database, events);
  });
});
