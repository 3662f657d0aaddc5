import type { Message } from 'kafkajs';
import { startTestApi } from '../helpers/api-harness';
import { queryRows } from '../helpers/clickhouse';
import { committedOffsetTotal, startIngester, waitFor } from '../helpers/ingest-harness';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { expectExactlyOnce } from './exactly-once';
import { messagesInTopic, produceAtLeastOnce, toMessage, type GeneratedEvent } from './scenario-events';

const GROUP_ID = 'late-and-skewed';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `ts` written as a producer in Kathmandu would (+05:45): the same instant, another offset. */
function kathmandu(at: number): string {
  return new Date(at + 345 * MINUTE).toISOString().slice(0, 23) + '+05:45';
}

/** A message whose Kafka timestamp (CreateTime) comes from the producer's clock, right or skewed. */
function stamped(event: GeneratedEvent, producerClock: number): Message {
  return { ...toMessage(event), timestamp: String(producerClock) };
}

describe('late events and clock skew: each counted in the bucket of its own time', () => {
  const suite = useKafkaSuite();

  it('events hours late, events minutes in the future from a skewed producer clock', async () => {
    const now = Date.now();
    // H0: the start of the current UTC hour; every time below is placed relative to it.
    const h0 = Math.floor(now / HOUR) * HOUR;
    const event = (eventId: string, type: string, at: number | string, fields: Record<string, unknown>): GeneratedEvent => ({
      eventId,
      type,
      ts: at,
      queue: 'billing',
      ...fields,
    });
    // On time (producer clock right): a call offered 10 s before H0 and answered 5 s after it,
    // and a call offered 30 s into H0 (a few seconds ahead of now, at worst), answered 15 s later.
    const onTime = [
      event('straddle-offered', 'call.offered', new Date(h0 - 10_000).toISOString(), { callId: 'straddle' }),
      event('straddle-answered', 'call.answered', new Date(h0 + 5_000).toISOString(), { callId: 'straddle', agentId: 'a-1' }),
      event('current-offered', 'call.offered', h0 + 30_000, { callId: 'current' }),
      event('current-answered', 'call.answered', h0 + 45_000, { callId: 'current', agentId: 'a-2' }),
    ];
    // A producer whose clock runs 70 min ahead: its call is 10–70 min in the future by ours (under
    // EVENTS.md's 24 h limit), and its Kafka timestamps are ahead as much.
    const skew = 70 * MINUTE;
    const skewed = [
      event('ahead-offered', 'call.offered', kathmandu(h0 + HOUR + 10 * MINUTE), { callId: 'ahead' }),
      event('ahead-abandoned', 'call.abandoned', kathmandu(h0 + HOUR + 10 * MINUTE + 8_000), { callId: 'ahead' }),
    ];
    // Hours late, arriving last and out of order (the answer before the offer).
    const late = [
      event('late5-answered', 'call.answered', new Date(h0 - 5 * HOUR + 10 * MINUTE + 12_000).toISOString(), {
        callId: 'late5',
        agentId: 'a-3',
      }),
      event('late5-offered', 'call.offered', new Date(h0 - 5 * HOUR + 10 * MINUTE).toISOString(), { callId: 'late5' }),
      event('late3-offered', 'call.offered', h0 - 3 * HOUR + 20 * MINUTE, { callId: 'late3' }),
      event('late3-abandoned', 'call.abandoned', h0 - 3 * HOUR + 20 * MINUTE + 30_000, { callId: 'late3' }),
    ];
    // 25 h ahead: past the limit, so rejected and counted nowhere.
    const tooFar = event('too-far-offered', 'call.offered', new Date(now + 25 * HOUR).toISOString(), { callId: 'too-far' });

    const ingester = await startIngester({ kafka: suite.kafka, client: suite.clickHouse.client, topic: TOPIC, groupId: GROUP_ID });
    suite.ingesters.push(ingester);
    await produceAtLeastOnce(
      suite.producer,
      TOPIC,
      onTime.map((item) => stamped(item, Date.now())),
    );
    await produceAtLeastOnce(
      suite.producer,
      TOPIC,
      [...skewed, tooFar].map((item) => stamped(item, Date.now() + skew)),
    );
    await produceAtLeastOnce(
      suite.producer,
      TOPIC,
      late.map((item) => stamped(item, Date.now())),
    );
    await waitFor(
      async () => (await committedOffsetTotal(suite.admin, GROUP_ID, TOPIC)) === (await messagesInTopic(suite.admin, TOPIC)),
      60_000,
      'every message committed',
    );
    const [rejected] = await queryRows<{ event_id: string; reason_code: string }>(
      suite.clickHouse.client,
      'SELECT event_id, reason_code FROM dead_letters FINAL',
    );
    expect(rejected).toEqual({ event_id: 'too-far-offered', reason_code: 'out_of_range' });

    // Worked out by hand, per UTC hour from H0 − 6 h to H0 + 2 h (offered / answered / abandoned):
    //   H0−5h  late5 offered at :10:00, answered 12 s later          1 / 1 / 0
    //   H0−3h  late3 offered at :20:00, abandoned after 30 s         1 / 0 / 1
    //   H0−1h  straddle offered at :59:50 (answered in H0, counted   1 / 1 / 0
    //          with its offer)
    //   H0     current offered at :00:30, answered at :00:45         1 / 1 / 0
    //   H0+1h  ahead offered at :10:00 (+05:45 text), abandoned 8 s  1 / 0 / 1
    //   every other hour                                             0 / 0 / 0
    //   too-far: rejected, nowhere. Totals: 5 / 3 / 2.
    const expected = new Map([
      [h0 - 5 * HOUR, [1, 1, 0]],
      [h0 - 3 * HOUR, [1, 0, 1]],
      [h0 - HOUR, [1, 1, 0]],
      [h0, [1, 1, 0]],
      [h0 + HOUR, [1, 0, 1]],
    ]);
    const period = { from: new Date(h0 - 6 * HOUR).toISOString(), to: new Date(h0 + 2 * HOUR).toISOString() };
    const checkedAt = Date.now();
    const api = await startTestApi({ database: suite.clickHouse.database, keepDatabase: true, now: () => checkedAt, timezone: 'UTC' });
    try {
      const { status, body } = await api.get('/metrics', { ...period, tz: 'UTC', groupBy: 'hour' });
      expect(status).toBe(200);
      const counts = (metrics: Record<string, unknown>) => [metrics['offered'], metrics['answered'], metrics['abandoned']];
      expect(counts(body['totals'])).toEqual([5, 3, 2]);
      const groups = body['groups'] as Array<{ key: { bucket: string } } & Record<string, unknown>>;
      expect(groups.map((group) => Date.parse(group.key.bucket))).toEqual(Array.from({ length: 8 }, (_, index) => h0 + (index - 6) * HOUR));
      for (const group of groups) {
        expect({ bucket: group.key.bucket, counts: counts(group) }).toEqual({
          bucket: group.key.bucket,
          counts: expected.get(Date.parse(group.key.bucket)) ?? [0, 0, 0],
        });
      }
    } finally {
      await api.close();
    }

    await expectExactlyOnce({
      client: suite.clickHouse.client,
      database: suite.clickHouse.database,
      events: [...onTime, ...skewed, ...late],
      now: checkedAt,
      timezone: 'UTC',
      period,
      groupBy: ['hour', 'queue'],
    });
  });
});
