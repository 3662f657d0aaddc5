import { DateTime } from 'luxon';

/** What a dashboard user asks for, each as a supervisor's screen would. */
export const DASHBOARD_REQUESTS = ['metricsByQueueToday', 'compareTodayWithLastWeek', 'trendsDaily30d', 'callsPage', 'live'] as const;
export type DashboardRequest = (typeof DASHBOARD_REQUESTS)[number];

export interface EndpointFigures {
  requests: number;
  /** Answers other than 2xx, and requests that got no answer at all. */
  errors: number;
  p50Ms: number;
  p95Ms: number;
}

export interface DashboardUsersOptions {
  origin: string;
  token: string;
  users: number;
  /** Each user waits a random time in this range (ms) between requests. */
  thinkMs: readonly [number, number];
  timezone: string;
}

const TREND_METRICS = ['offered', 'serviceLevel', 'abandonmentRate', 'asaSeconds', 'ahtSeconds'];
// Longer than the api's own request timeout (90 s): an answer that slow still arrives, as a 503.
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * Simulated dashboard users, each looping: a request of the mix above (a /calls user pages on
 * with the cursor it was given), then a think time. `stop` waits for the requests in flight.
 */
export class DashboardUsers {
  readonly errorSamples: string[] = [];
  private readonly latencies = new Map<DashboardRequest, number[]>(DASHBOARD_REQUESTS.map((name) => [name, []]));
  private readonly errors = new Map<DashboardRequest, number>(DASHBOARD_REQUESTS.map((name) => [name, 0]));
  private stopping = false;
  private loops: Array<Promise<void>> = [];

  constructor(private readonly options: DashboardUsersOptions) {}

  start(): void {
    this.loops = Array.from({ length: this.options.users }, (_, index) => this.user(index));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  figures(): Record<DashboardRequest, EndpointFigures> {
    return Object.fromEntries(
      DASHBOARD_REQUESTS.map((name) => {
        const sorted = [...this.latencies.get(name)!].sort((a, b) => a - b);
        const errors = this.errors.get(name)!;
        return [name, { requests: sorted.length + errors, errors, p50Ms: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) }];
      }),
    ) as Record<DashboardRequest, EndpointFigures>;
  }

  private async user(index: number): Promise<void> {
    const [minThink, maxThink] = this.options.thinkMs;
    // Users arrive over the first think time rather than all in the same instant.
    await sleep(Math.random() * maxThink);
    let cursor: string | undefined;
    let turn = index;
    while (!this.stopping) {
      const name = cursor ? 'callsPage' : DASHBOARD_REQUESTS[turn++ % DASHBOARD_REQUESTS.length]!;
      const answer = await this.request(name, this.path(name, cursor));
      cursor = name === 'callsPage' && typeof answer?.['nextCursor'] === 'string' && Math.random() < 0.5 ? answer['nextCursor'] : undefined;
      await sleep(minThink + Math.random() * (maxThink - minThink));
    }
  }

  // Periods as the web app asks them: whole days of the centre, [first day 00:00, day after the last 00:00).
  private path(name: DashboardRequest, cursor: string | undefined): string {
    const startOfToday = DateTime.now().setZone(this.options.timezone).startOf('day');
    const tomorrow = iso(startOfToday.plus({ days: 1 }));
    const today = { from: iso(startOfToday), to: tomorrow };
    const query = (values: Record<string, string>) => new URLSearchParams(values).toString();
    switch (name) {
      case 'metricsByQueueToday':
        return `/metrics?${query({ ...today, groupBy: 'queue' })}`;
      case 'compareTodayWithLastWeek':
        return `/metrics/compare?${query({ ...today, against: 'week', groupBy: 'queue' })}`;
      case 'trendsDaily30d': {
        const metric = TREND_METRICS[Math.floor(Math.random() * TREND_METRICS.length)]!;
        return `/trends?${query({ from: iso(startOfToday.minus({ days: 29 })), to: tomorrow, metric, bucket: 'day' })}`;
      }
      case 'callsPage':
        return `/calls?${query({ ...today, limit: '50', ...(cursor ? { cursor } : {}) })}`;
      case 'live':
        return '/live';
    }
  }

  private async request(name: DashboardRequest, path: string): Promise<Record<string, unknown> | undefined> {
    const startedAt = performance.now();
    try {
      const response = await fetch(`${this.options.origin}/api/v1${path}`, {
        headers: { authorization: `Bearer ${this.options.token}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body = await response.text();
      if (!response.ok) return this.failed(name, `${response.status} ${path}: ${body.slice(0, 200)}`);
      this.latencies.get(name)!.push(Math.round(performance.now() - startedAt));
      return JSON.parse(body) as Record<string, unknown>;
    } catch (error) {
      return this.failed(name, `${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private failed(name: DashboardRequest, sample: string): undefined {
    this.errors.set(name, this.errors.get(name)! + 1);
    if (this.errorSamples.length < 20) this.errorSamples.push(sample);
    return undefined;
  }
}

function iso(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true })!;
}

export function quantile(sorted: number[], fraction: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]! : NaN;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
