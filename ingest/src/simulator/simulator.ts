import { DEMO_CENTRE } from './demo-centre';
import { isValidZone } from './local-day';
import type { CentreProfile } from './profile';
import { checkProfile } from './profile-check';
import type { EventSink } from './sinks/event-sink';
import { Timeline } from './timeline';

export interface SimulatorOptions {
  /** Integer 0 – 2³¹−1; the same seed gives the same events. Default 1. */
  seed?: number;
  /** IANA zone of the centre's local days and opening hours. Default Asia/Shanghai. */
  timezone?: string;
  /** Default DEMO_CENTRE. */
  profile?: CentreProfile;
  /** Set on every event; absent means the default tenant. */
  tenant?: string;
  /** Epoch ms now; injectable for tests. */
  clock?: () => number;
  /** Waits `ms` or until `signal` aborts; injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Events per `sink.send`. Default 5,000. */
  batchSize?: number;
}

/** Longest live-mode nap, so a jump of the clock is noticed soon. */
const MAX_NAP_MS = 5_000;

/** The simulated call centre: fast-forward over history, then in step with the clock. */
export class Simulator {
  readonly seed: number;
  readonly timezone: string;
  private readonly timeline: Timeline;
  private readonly clock: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly batchSize: number;
  /** Everything before this has been sent. */
  private sentUntil: number | undefined;

  constructor(options: SimulatorOptions = {}) {
    this.seed = options.seed ?? 1;
    this.timezone = options.timezone ?? 'Asia/Shanghai';
    if (!Number.isInteger(this.seed) || this.seed < 0 || this.seed > 2 ** 31 - 1) throw new Error(`seed must be an integer 0–2147483647`);
    if (!isValidZone(this.timezone)) throw new Error(`unknown timezone "${this.timezone}"`);
    const profile = options.profile ?? DEMO_CENTRE;
    checkProfile(profile);
    this.timeline = new Timeline({ seed: this.seed, zone: this.timezone, profile, tenant: options.tenant });
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? napUnlessAborted;
    this.batchSize = options.batchSize ?? 5_000;
  }

  /** Every event with from ≤ ts < to, in time order and in batches, as fast as the sink takes them; never one later than now. */
  async backfill(options: { from: number | Date; to: number | Date; sink: EventSink }): Promise<{ events: number }> {
    const to = Math.min(Number(options.to), this.clock() + 1);
    const events = await this.send(Number(options.from), to, options.sink);
    this.sentUntil = Math.max(this.sentUntil ?? to, to);
    return { events };
  }

  /**
   * Sends each event once its `ts` has come, from where the last backfill stopped (else from
   * now), across midnights, until `signal` aborts.
   */
  async runLive(options: { sink: EventSink; signal: AbortSignal }): Promise<{ events: number }> {
    const { sink, signal } = options;
    let events = 0;
    let cursor = this.sentUntil ?? this.clock();
    while (!signal.aborted) {
      const now = this.clock();
      if (now >= cursor) {
        events += await this.send(cursor, now + 1, sink);
        cursor = this.sentUntil = now + 1;
      }
      const next = this.timeline.nextEventAt(cursor) ?? cursor + MAX_NAP_MS;
      await this.sleep(Math.min(Math.max(next - this.clock(), 0), MAX_NAP_MS), signal);
    }
    return { events };
  }

  private async send(from: number, to: number, sink: EventSink): Promise<number> {
    let sent = 0;
    for (const chunk of this.timeline.chunks(from, to)) {
      for (let start = 0; start < chunk.length; start += this.batchSize) {
        const batch = chunk.slice(start, start + this.batchSize);
        await sink.send(batch);
        sent += batch.length;
      }
    }
    return sent;
  }
}

function napUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
