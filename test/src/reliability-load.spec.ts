import { measureLoad } from './bench/load';

/**
 * Issue 8 "Under load", short: the load benchmark's run (`pnpm bench load`, five minutes, 200
 * users, 500 sockets) at a size CI can afford. The api runs built, as its own process, with the
 * demo centre and a day of history; dashboard users loop their requests while sockets listen
 * and events flow. What must hold at any size: no request fails, no socket drops, and every
 * socket is still connected and hearing from the server at the end. (Speed and memory are the
 * benchmark's to report, not this test's to judge.)
 */
describe('under load (short)', () => {
  it('answers 50 dashboard users and keeps 100 sockets connected for 25 s without an error', async () => {
    const run = await measureLoad(() => undefined, {
      seconds: 25,
      users: 50,
      sockets: 100,
      historyDays: 1,
      thinkMs: [3_000, 10_000],
      eventsPerSecond: 20,
    });

    expect(run.errorSamples).toEqual([]);
    for (const [name, figures] of Object.entries(run.requests)) {
      expect({ name, errors: figures.errors }).toEqual({ name, errors: 0 });
      expect({ name, answered: figures.requests > 0 }).toEqual({ name, answered: true });
    }
    expect(run.events.failedPosts).toBe(0);
    expect(run.events.posts).toBeGreaterThan(0);
    expect(run.sockets).toMatchObject({ clients: 100, connectedAtEnd: 100, disconnects: 0, silentAtEnd: 0 });
    expect(run.sockets.pushes).toBeGreaterThan(0);
    expect(run.errors).toBe(0);
    expect(run.apiRssMb.samples.length).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
