import { Simulator } from '../simulator/simulator';
import { openSink, rejectedByApi, type Output } from './output';

export interface SimulateRun {
  seed: number;
  timezone: string;
  from: number;
  to: number;
  live: boolean;
  output: Output;
  log: (line: string) => void;
}

/** Backfills [from, to), then (with `live`) goes on in step with the clock until SIGINT or SIGTERM. */
export async function simulate(run: SimulateRun): Promise<void> {
  const simulator = new Simulator({ seed: run.seed, timezone: run.timezone });
  const sink = await openSink(run.output);
  try {
    const started = Date.now();
    const { events } = await simulator.backfill({ from: run.from, to: run.to, sink });
    const range = `${new Date(run.from).toISOString()} – ${new Date(Math.min(run.to, Date.now())).toISOString()}`;
    run.log(`sent ${events} events (${range}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (run.live) {
      const stop = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
      run.log('live: sending each event as its time comes; Ctrl-C stops');
      const live = await simulator.runLive({ sink, signal: stop.signal });
      run.log(`live: sent ${live.events} events`);
    }
  } finally {
    await sink.close();
  }
  const rejected = rejectedByApi(sink, 'simulated events');
  if (rejected) throw rejected;
}
