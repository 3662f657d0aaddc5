import { setTimeout as sleep } from 'node:timers/promises';
import { committedOffsetTotal, startIngester, waitFor } from '../helpers/ingest-harness';
import { ApiKey } from '../helpers/kafka-mock-cluster';
import { TOPIC, useKafkaSuite } from '../helpers/kafka-suite';
import { expectScenarioExactlyOnce } from './exactly-once';
import { failedResponses, recordingKafka } from './recording-kafka';
import { messagesInTopic, produceAtLeastOnce, scenarioEvents, splitInto, toMessage } from './scenario-events';

// Kafka protocol error codes the mock injects; kafkajs treats each as retriable.
const NOT_LEADER_OR_FOLLOWER = 6;
const REQUEST_TIMED_OUT = 7;
const COORDINATOR_NOT_AVAILABLE = 15;
const NOT_COORDINATOR = 16;

describe('Kafka faults: no event lost or counted twice', () => {
  const suite = useKafkaSuite();

  const checkExactlyOnce = (events: ReturnType<typeof scenarioEvents>) =>
    expectScenarioExactlyOnce(suite.clickHouse.client, suite.clickHouse.database, events);

  const allCommitted = async (groupId: string) =>
    waitFor(
      async () => (await committedOffsetTotal(suite.admin, groupId, TOPIC)) === (await messagesInTopic(suite.admin, TOPIC)),
      90_000,
      'every message in the topic committed',
    );

  it('a broker goes down and comes back, one after another, while producing and consuming', async () => {
    const events = scenarioEvents(8101, 300, 'bd');
    const parts = splitInto(events.map(toMessage), 4);
    const consumer = recordingKafka(suite.cluster, 'ingester-broker-down');
    const producer = recordingKafka(suite.cluster, 'producer-broker-down').kafka.producer();
    await producer.connect();
    const ingester = await startIngester({
      kafka: consumer.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: 'broker-down',
      maxBatchSize: 200,
    });
    suite.ingesters.push(ingester);
    try {
      await produceAtLeastOnce(producer, TOPIC, parts[0]!);
      // Each broker leads two of the six partitions and one of them coordinates the group: taking
      // each down in turn hits every partition leader and the coordinator, mid-stream.
      for (const [index, broker] of [1, 2, 3].entries()) {
        const producing = produceAtLeastOnce(producer, TOPIC, parts[index + 1]!, { chunk: 50, pauseMs: 100 });
        await sleep(500);
        await suite.cluster.setBrokerDown(broker);
        await sleep(4000);
        await suite.cluster.setBrokerUp(broker);
        await producing;
      }
    } finally {
      await producer.disconnect();
    }
    await allCommitted('broker-down');

    // The consumer really met each outage: every one of the three brokers refused it a connection.
    const refused = consumer.log.filter((entry) => entry.message.includes('ECONNREFUSED')).map((entry) => entry.broker);
    expect(new Set(refused).size).toBe(3);
    await checkExactlyOnce(events);
  });

  it('Produce, Fetch and OffsetCommit answer with retriable errors, and a slow Produce is sent twice', async () => {
    const events = scenarioEvents(8102, 300, 're');
    const parts = splitInto(events.map(toMessage), 4);
    const consumer = recordingKafka(suite.cluster, 'ingester-request-errors');
    // A 1 s request timeout: a Produce answered after 2 s is sent again although the first copy landed.
    const producing = recordingKafka(suite.cluster, 'producer-request-errors', { requestTimeout: 1000 });
    const producer = producing.kafka.producer();
    await producer.connect();
    const ingester = await startIngester({
      kafka: consumer.kafka,
      client: suite.clickHouse.client,
      topic: TOPIC,
      groupId: 'request-errors',
      maxBatchSize: 200,
    });
    suite.ingesters.push(ingester);
    try {
      await suite.cluster.pushRequestErrors(ApiKey.Produce, [NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT, NOT_LEADER_OR_FOLLOWER]);
      await produceAtLeastOnce(producer, TOPIC, parts[0]!, { chunk: 100 });
      await waitFor(async () => (await committedOffsetTotal(suite.admin, 'request-errors', TOPIC)) > 0, 60_000, 'a first commit');

      await suite.cluster.pushRequestErrors(ApiKey.Fetch, [NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT, NOT_LEADER_OR_FOLLOWER]);
      await produceAtLeastOnce(producer, TOPIC, parts[1]!, { chunk: 100, pauseMs: 100 });

      await suite.cluster.pushRequestErrors(ApiKey.OffsetCommit, [NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR]);
      await produceAtLeastOnce(producer, TOPIC, parts[2]!, { chunk: 100, pauseMs: 100 });

      const before = await messagesInTopic(suite.admin, TOPIC);
      await Promise.all([1, 2, 3].map((broker) => suite.cluster.setRtt(broker, 2000)));
      const slowSend = produceAtLeastOnce(producer, TOPIC, parts[3]!.slice(0, 100));
      await sleep(1500);
      await Promise.all([1, 2, 3].map((broker) => suite.cluster.setRtt(broker, 0)));
      await slowSend;
      await produceAtLeastOnce(producer, TOPIC, parts[3]!.slice(100), { chunk: 100 });
      // The log holds more than was meant to be sent: the timed-out first attempt landed too.
      expect((await messagesInTopic(suite.admin, TOPIC)) - before).toBeGreaterThan(parts[3]!.length);
    } finally {
      await producer.disconnect();
    }
    await allCommitted('request-errors');

    expect(failedResponses(producing.log, 'Produce')).toEqual(
      expect.arrayContaining([expect.stringMatching(/not the leader/i), expect.stringMatching(/timed out/i)]),
    );
    expect(failedResponses(consumer.log, 'Fetch')).toEqual(
      expect.arrayContaining([expect.stringMatching(/not the leader/i), expect.stringMatching(/timed out/i)]),
    );
    expect(failedResponses(consumer.log, 'OffsetCommit')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not the correct coordinator/i),
        expect.stringMatching(/coordinator is not available/i),
      ]),
    );
    await checkExactlyOnce(events);
  });
});
