import { startTestApi, type TestApi } from '../helpers/api-harness';
import { connectLive, type LiveClient } from '../helpers/live-client';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely */
async function eventually(api: TestApi, check: (live: any) => boolean, timeoutMs = 10_000): Promise<any> {
  const started = Date.now();
  for (;;) {
    const { status, body } = await api.get('/live');
    expect(status).toBe(200);
    if (check(body) || Date.now() - started > timeoutMs) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Embedded mode: POST /events → in-process pipeline → ClickHouse → live state → GET /live and /live socket.
describe('live figures in embedded mode', () => {
  let api: TestApi;
  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await api?.close();
  });

  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

  it('answers GET /live from the events, pushes changes, and rebuilds the same state after a restart', async () => {
    api = await startTestApi({ keepDatabase: true });
    await api.postEvents([
      { eventId: 'a1-in', type: 'agent.state_changed', ts: at(-60_000), agentId: 'a1', state: 'available', team: 'north' },
      { eventId: 'c1-o', type: 'call.offered', ts: at(-30_000), callId: 'c1', queue: 'billing', customerId: '+8613800000001' },
      { eventId: 'c2-o', type: 'call.offered', ts: at(-10_000), callId: 'c2', queue: 'billing' },
      { eventId: 'c3-o', type: 'call.offered', ts: at(-5_000), callId: 'c3', queue: 'sales' },
      { eventId: 'c1-a', type: 'call.answered', ts: at(-2_000), callId: 'c1', queue: 'billing', agentId: 'a1' },
      { eventId: 'a1-call', type: 'agent.state_changed', ts: at(-2_000), agentId: 'a1', state: 'on_call' },
    ]);

    // Period figures are re-read from ClickHouse within about a second of the events landing.
    const body = await eventually(api, (live) => live.totals.today.offered === 3);
    const billing = body.queues.find((queue: { queue: string }) => queue.queue === 'billing');
    const sales = body.queues.find((queue: { queue: string }) => queue.queue === 'sales');
    // billing: c1 answered, c2 waiting since 10 s ago; sales: c3 waiting.
    expect(billing.waitingNow).toBe(1);
    expect(billing.longestWaitSeconds).toBeGreaterThanOrEqual(10);
    expect(billing.longestWaitSeconds).toBeLessThan(30);
    expect(sales.waitingNow).toBe(1);
    expect(body.totals.waitingNow).toBe(2);
    // a1 answered a billing leg: on billing's board, on a call; sales has no agent.
    expect(billing.agents).toEqual([expect.objectContaining({ agentId: 'a1', state: 'on_call', team: 'north' })]);
    expect(billing.agentsByState).toEqual({ available: 0, on_call: 1, wrap_up: 0, break: 0, offline: 0 });
    expect(sales.agents).toEqual([]);
    // Today and the last 15 minutes: billing offered 2, answered 1 (c1 after 28 s: outside the 20 s service level).
    for (const window of ['today', 'last15m', 'last60m']) {
      expect(billing[window]).toMatchObject({ offered: 2, answered: 1, waiting: 1, answeredWithinServiceLevel: 0, asaSeconds: 28 });
    }
    expect(body.totals.today).toMatchObject({ offered: 3, answered: 1, waiting: 2 });

    const client = connectLive(api.origin, { queues: ['billing'] });
    clients.push(client);
    await client.until((view) => view.queues.get('billing')?.waitingNow === 1, 'the billing snapshot');
    expect(client.pushes[0]).toMatchObject({ snapshot: true });
    expect(client.pushes[0]).not.toHaveProperty('totals');

    await api.postEvents([{ eventId: 'c2-x', type: 'call.abandoned', ts: at(0), callId: 'c2', queue: 'billing' }]);
    await client.until(
      (view) => view.queues.get('billing')?.waitingNow === 0 && view.queues.get('billing')?.today.abandoned === 1,
      'billing with nobody waiting and one abandon today',
    );
    expect(client.view.queues.get('billing')).toMatchObject({ longestWaitSeconds: 0, oldestWaitingSince: null });
    // Subscribed to billing only: nothing of sales ever arrives.
    expect(client.pushes.flatMap((push) => push.queues.map((queue) => queue.queue))).not.toContain('sales');

    const before = (await api.get('/live')).body;
    client.close();
    await api.close();
    api = await startTestApi({ database: api.database });
    const after = await eventually(api, (live) => live.totals.today.offered === 3);
    const pick = (live: typeof before) =>
      live.queues.map((queue: Record<string, unknown>) => ({
        queue: queue.queue,
        waitingNow: queue.waitingNow,
        oldestWaitingSince: queue.oldestWaitingSince,
        agents: (queue.agents as Array<Record<string, unknown>>).map(({ secondsInState: _seconds, ...agent }) => agent),
        today: queue.today,
      }));
    expect(pick(after)).toEqual(pick(before));
  });

  it('refuses a bad subscription with the parameter named', async () => {
    api = await startTestApi();
    const client = connectLive(api.origin);
    clients.push(client);
    await client.until((view) => view.totals !== undefined, 'the all-queues snapshot');
    const ack = await client.socket.emitWithAck('subscribe', { queues: 'billing' });
    expect(ack).toMatchObject({ error: 'Bad Request', parameters: [{ name: 'queues' }] });
    expect((await api.get('/live', { queue: ['x'.repeat(200)] })).status).toBe(400);
  });
});
