/* eslint-disable @typescript-eslint/no-explicit-any -- tests read pushes loosely and assert on them */
import type { Producer } from 'kafkajs';
import type { CallEventInput } from '@callboard/ingest';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { kafkaFor, produceEvents } from '../helpers/ingest-harness';
import { startKafkaMockCluster, type KafkaMockCluster } from '../helpers/kafka-mock-cluster';
import { connectLive, type LiveClient } from '../helpers/live-client';

const TOPIC = 'call-events';
// Consumer-group joins against the mock take seconds: the first event may wait for them.
const FIRST_PUSH_MS = 45_000;

/**
 * The production path: events produced to Kafka → the api's own live consumer → sockets; the
 * period figures from ClickHouse, written by the ingester (in this process: chdb is one process's).
 */
describe('live feed from Kafka to Socket.IO subscribers', () => {
  let cluster: KafkaMockCluster;
  let producer: Producer;
  let api: TestApi;
  let database: string;
  const clients: LiveClient[] = [];
  let sequence = 0;

  const startApi = (options: { database?: string } = {}) =>
    startTestApi({ ...options, keepDatabase: true, env: { KAFKA_BROKERS: cluster.brokers.join(','), KAFKA_TOPIC: TOPIC } });
  const subscribe = (target: TestApi, queues?: string[]) => {
    const client = connectLive(target.origin, queues ? { queues } : {});
    clients.push(client);
    return client;
  };
  const produce = (events: CallEventInput[]) => produceEvents(producer, TOPIC, events);
  const now = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
  const id = (name: string) => `${name}-${++sequence}`;

  beforeAll(async () => {
    cluster = await startKafkaMockCluster(3);
    await cluster.createTopic(TOPIC, 6);
    await cluster.createTopic(`${TOPIC}.dlq`, 1);
    producer = kafkaFor(cluster).producer();
    await producer.connect();
    api = await startApi();
    database = api.database;
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await api?.close();
    await producer?.disconnect();
    await cluster?.stop();
  });

  it('moves waitingNow, the longest wait, agent states and today’s counts as events are produced', async () => {
    const billing = subscribe(api, ['billing']);
    await billing.until((view) => view.queues.has('billing'), 'the billing snapshot');
    expect(billing.view.queues.get('billing')).toMatchObject({ waitingNow: 0, longestWaitSeconds: 0 });

    const firstOffered = now(-8_000);
    await produce([
      { eventId: id('a7-login'), type: 'agent.state_changed', ts: now(-60_000), agentId: 'a7', state: 'available', team: 'east' },
      { eventId: id('c1-offered'), type: 'call.offered', ts: firstOffered, callId: 'c1', queue: 'billing', customerId: '+8613800000001' },
    ]);
    await billing.until((view) => view.queues.get('billing')?.waitingNow === 1, 'one caller waiting', FIRST_PUSH_MS);
    const waiting = billing.view.queues.get('billing')!;
    expect(Date.parse(waiting.oldestWaitingSince)).toBe(Date.parse(firstOffered));
    expect(waiting.longestWaitSeconds).toBeGreaterThanOrEqual(8);

    await produce([{ eventId: id('c2-offered'), type: 'call.offered', ts: now(-2_000), callId: 'c2', queue: 'billing' }]);
    await billing.until((view) => view.queues.get('billing')?.waitingNow === 2, 'two callers waiting');
    // The longest wait is still c1's.
    expect(Date.parse(billing.view.queues.get('billing')!.oldestWaitingSince)).toBe(Date.parse(firstOffered));

    await produce([
      { eventId: id('c1-answered'), type: 'call.answered', ts: now(), callId: 'c1', queue: 'billing', agentId: 'a7' },
      { eventId: id('a7-call'), type: 'agent.state_changed', ts: now(), agentId: 'a7', state: 'on_call' },
    ]);
    await billing.until(
      (view) => view.queues.get('billing')?.waitingNow === 1 && view.queues.get('billing')?.agentsByState.on_call === 1,
      'c1 answered by a7, on a call',
    );
    expect(billing.view.queues.get('billing')!.agents).toEqual([
      expect.objectContaining({ agentId: 'a7', team: 'east', state: 'on_call' }),
    ]);
    // Today: 2 offered, 1 answered after ≥ 8 s (within the 20 s service level), 1 waiting.
    await billing.until((view) => view.queues.get('billing')?.today.answered === 1, "today's answered count");
    expect(billing.view.queues.get('billing')!.today).toMatchObject({ offered: 2, answered: 1, waiting: 1, answeredWithinServiceLevel: 1 });

    await produce([
      { eventId: id('c2-abandoned'), type: 'call.abandoned', ts: now(6_000), callId: 'c2', queue: 'billing' },
      { eventId: id('c1-ended'), type: 'call.ended', ts: now(), callId: 'c1', agentId: 'a7' },
      { eventId: id('a7-wrap'), type: 'agent.state_changed', ts: now(), agentId: 'a7', state: 'wrap_up' },
    ]);
    await billing.until(
      (view) => view.queues.get('billing')?.today.abandoned === 1 && view.queues.get('billing')?.agentsByState.wrap_up === 1,
      'c2 abandoned and a7 wrapping up',
    );
    // c2 waited 8 s (not a short abandon): abandonment (1 − 0) / (2 − 0) = 0.5; service level 1 / 2.
    expect(billing.view.queues.get('billing')).toMatchObject({
      waitingNow: 0,
      longestWaitSeconds: 0,
      today: { abandoned: 1, abandonmentRate: 0.5, serviceLevel: 0.5 },
    });
  });

  it('sends a subscriber of one queue nothing of another, and a reconnecting client a full snapshot first', async () => {
    const sales = subscribe(api, ['sales']);
    const everything = subscribe(api);
    await sales.until((view) => view.queues.has('sales'), 'the sales snapshot');
    await everything.until((view) => view.totals !== undefined, 'the all-queues snapshot');

    await produce([{ eventId: id('s1-offered'), type: 'call.offered', ts: now(), callId: 's1', queue: 'sales' }]);
    await produce([{ eventId: id('p1-offered'), type: 'call.offered', ts: now(), callId: 'p1', queue: 'parts' }]);
    await everything.until((view) => view.queues.get('parts')?.waitingNow === 1, 'parts waiting in the all-queues view', FIRST_PUSH_MS);
    await sales.until((view) => view.queues.get('sales')?.waitingNow === 1, 'sales waiting');
    expect(new Set(sales.pushes.flatMap((push) => push.queues.map((queue) => queue.queue)))).toEqual(new Set(['sales']));
    expect(sales.pushes.every((push) => push.totals === undefined)).toBe(true);
    // s1 and p1 travel on different partitions: the totals count both once both have arrived.
    await everything.until((view) => (view.totals?.waitingNow ?? 0) >= 2, 'both waiting in the centre totals');

    const snapshotsBefore = sales.pushes.filter((push) => push.snapshot).length;
    sales.socket.io.engine.close(); // the transport drops; Socket.IO reconnects by itself
    await sales.until(() => sales.pushes.filter((push) => push.snapshot).length > snapshotsBefore, 'a snapshot after reconnecting');
    const snapshot = sales.pushes.filter((push) => push.snapshot).at(-1)!;
    expect(snapshot.queues).toEqual([expect.objectContaining({ queue: 'sales', waitingNow: 1 })]);
  });

  it('alerts once per crossing of a band, on the socket and in GET /alerts', async () => {
    const settings = await api.put('/settings', { queues: { vip: { thresholds: { waitingNow: { amber: 2, red: 3 } } } } });
    expect(settings.status).toBe(200);
    const vip = subscribe(api, ['vip']);
    await vip.until((view) => view.queues.get('vip')?.settings.thresholds.waitingNow.amber === 2, 'the new thresholds pushed');
    const offers = ['v1', 'v2', 'v3', 'v4'];
    for (const callId of offers) {
      await produce([{ eventId: id(`${callId}-offered`), type: 'call.offered', ts: now(), callId, queue: 'vip' }]);
      await vip.until((view) => view.queues.get('vip')?.waitingNow === offers.indexOf(callId) + 1, `${callId} waiting`, FIRST_PUSH_MS);
    }
    const waitingAlerts = () => vip.alerts.filter((alert) => alert.metric === 'waitingNow');
    await vip.until(() => waitingAlerts().length >= 2, 'amber and red alerts');
    expect(waitingAlerts().map((alert) => [alert.previousLevel, alert.level, alert.value])).toEqual([
      ['green', 'amber', 2],
      ['amber', 'red', 3],
    ]);
    expect(vip.view.queues.get('vip')!.bands.waitingNow).toBe('red');

    await produce(
      offers.map((callId) => ({
        eventId: id(`${callId}-answered`),
        type: 'call.answered',
        ts: now(),
        callId,
        queue: 'vip',
        agentId: 'a9',
      })),
    );
    await vip.until(() => waitingAlerts().at(-1)?.level === 'green', 'the alert back to green');
    expect(
      waitingAlerts()
        .slice(2)
        .every((alert) => alert.direction === 'better'),
    ).toBe(true);
    // Two more seconds of ticks: a band that holds alerts no more.
    const count = waitingAlerts().length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(waitingAlerts()).toHaveLength(count);

    const listed = await api.get('/alerts', { queue: 'vip' });
    expect(listed.status).toBe(200);
    const listedWaiting = listed.body.alerts.filter((alert: any) => alert.metric === 'waitingNow');
    expect(listedWaiting.map((alert: any) => alert.id).sort()).toEqual(
      waitingAlerts()
        .map((alert) => alert.id)
        .sort(),
    );
    expect((await api.get('/alerts', { limit: '0' })).status).toBe(400);
  });

  it('is right from the first request after a restart, then catches up with what was produced while it was down', async () => {
    await produce([{ eventId: id('r1-offered'), type: 'call.offered', ts: now(), callId: 'r1', queue: 'returns' }]);
    const before = subscribe(api, ['returns']);
    await before.until((view) => view.queues.get('returns')?.today.offered === 1, 'r1 in ClickHouse', FIRST_PUSH_MS);
    await api.close();

    await produce([{ eventId: id('r2-offered'), type: 'call.offered', ts: now(), callId: 'r2', queue: 'returns' }]);
    api = await startApi({ database });
    const first = await api.get('/live', { queue: 'returns' });
    // r1 comes from the ClickHouse snapshot, before any consumer has joined.
    expect(first.body.queues[0]).toMatchObject({ queue: 'returns' });
    expect(first.body.queues[0].waitingNow).toBeGreaterThanOrEqual(1);
    const after = subscribe(api, ['returns']);
    await after.until((view) => view.queues.get('returns')?.waitingNow === 2, 'r2 replayed from the ingest offsets', FIRST_PUSH_MS);
  });

  it('keeps every api instance current: each reads the topic in its own group', async () => {
    const second = await startApi({ database });
    try {
      const onFirst = subscribe(api, ['multi']);
      const onSecond = subscribe(second, ['multi']);
      await produce([{ eventId: id('m1-offered'), type: 'call.offered', ts: now(), callId: 'm1', queue: 'multi' }]);
      await onFirst.until((view) => view.queues.get('multi')?.waitingNow === 1, 'm1 on the first instance', FIRST_PUSH_MS);
      await onSecond.until((view) => view.queues.get('multi')?.waitingNow === 1, 'm1 on the second instance', FIRST_PUSH_MS);
      // POST /events in this mode goes to Kafka, and from there to both instances.
      const posted = await second.postEvents([
        { eventId: id('m2-offered'), type: 'call.offered', ts: now(), callId: 'm2', queue: 'multi' },
      ]);
      expect(posted).toMatchObject({ accepted: 1, rejected: [] });
      await onFirst.until((view) => view.queues.get('multi')?.waitingNow === 2, 'm2 on the first instance');
      await onSecond.until((view) => view.queues.get('multi')?.waitingNow === 2, 'm2 on the second instance');
    } finally {
      await second.close();
    }
  });
});
