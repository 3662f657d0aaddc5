import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Subject, type Subscription as RxSubscription } from 'rxjs';
import { formatInstant } from '../common/query-params';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens';
import { DEFAULT_QUEUE_SETTINGS } from '../settings/settings.schema';
import { MetricsService } from '../metrics/metrics.service';
import { SettingsService } from '../settings/settings.service';
import { AlertTracker, type Alert } from './alerts';
import { buildFigures, watchedFigures } from './live-figures';
import type { LiveEvent } from './live-event';
import { LiveState } from './live-state';
import type { IngestLag } from './ingest-lag';
import { INGEST_LAG, LIVE_EVENT_SOURCE } from './live.tokens';
import type { LiveEventSource } from './live-sources';
import { LiveRepository, type LiveSnapshot } from './live.repository';
import type { Heartbeat, Live, LiveFigures, LiveQueue } from './live.schema';
import { changedQueues, NO_METRICS, readPeriodFigures, type PeriodFigures } from './period-figures';

/** Period figures are re-read at most this often while events flow (more rarely when a re-read is slow, up to the max)… */
const PERIOD_REFRESH_MIN_GAP_MS = 1_000;
const PERIOD_REFRESH_MAX_GAP_MS = 5_000;
/** …and at least this often, so that the sliding windows slide when nothing happens. */
const PERIOD_REFRESH_INTERVAL_MS = 10_000;
const TICK_MS = 1_000;
const IDLE_TENANT_MS = 3_600_000;
/** Forgetting walks every remembered call: once a minute is often enough. */
const PRUNE_EVERY_TICKS = 60;
/** Today's rates alert only from this many legs on: the day's first waiting call would otherwise turn service level red. */
export const MIN_LEGS_FOR_TODAY_ALERTS = 10;
/** A restart takes each figure's band from alerts this recent. */
const ALERT_LEVEL_LOOKBACK_MS = 7 * 24 * 3_600_000;

export interface LiveChanges {
  tenant: string;
  /** Queues whose figures changed; the centre totals change with any of them. */
  queues: Set<string>;
}

interface TenantLive {
  state: LiveState;
  periods?: PeriodFigures;
  refreshing?: Promise<void>;
  refreshTimer?: NodeJS.Timeout;
  /** A re-read must start at or after this time (undefined: none is needed). */
  neededAt?: number;
  lastRefreshAt: number;
  lastRefreshMs: number;
  urgent?: boolean;
  /** Last event or request for this tenant: a tenant nobody asks about and nothing happens in is let go. */
  lastInterestAt: number;
}

/**
 * The live figures of METRICS.md: instantaneous ones (waiting, longest wait, agents) kept in
 * memory from the event stream, period ones (today, last 15 and 60 minutes) re-read from
 * ClickHouse as events land. Announces what changed, threshold crossings, and a heartbeat.
 */
@Injectable()
export class LiveService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly changes = new Subject<LiveChanges>();
  readonly alerts = new Subject<Alert[]>();
  readonly heartbeats = new Subject<Heartbeat>();
  private readonly logger = new Logger(LiveService.name);
  private readonly tenants = new Map<string, TenantLive>();
  private readonly alertTracker = new AlertTracker();
  private readonly instance = randomUUID();
  private pending: LiveEvent[] | undefined = [];
  private tick: NodeJS.Timeout | undefined;
  private settingsUpdates: RxSubscription | undefined;
  private stopped = false;
  private ticks = 0;

  constructor(
    private readonly repository: LiveRepository,
    private readonly metrics: MetricsService,
    private readonly settings: SettingsService,
    @Inject(LIVE_EVENT_SOURCE) private readonly source: LiveEventSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(INGEST_LAG) private readonly ingestLag: IngestLag,
  ) {}

  /** Hear of events first, then read the snapshot, then apply what was heard meanwhile: nothing falls between. */
  async onApplicationBootstrap(): Promise<void> {
    await this.source.start((events) => this.receive(events));
    const now = this.clock();
    const [snapshot, levels] = await Promise.all([
      this.repository.snapshot(now),
      this.repository.lastLevels(now - ALERT_LEVEL_LOOKBACK_MS),
    ]);
    this.restore(snapshot);
    this.alertTracker.seed(levels);
    const heard = this.pending ?? [];
    this.pending = undefined;
    this.receive(heard);
    await Promise.all([...this.tenants.keys(), 'default'].map((tenant) => this.ensureTenant(tenant)));
    this.tick = setInterval(() => this.onTick(), TICK_MS);
    this.tick.unref();
    // Other instances see a settings change at their next periodic re-read.
    this.settingsUpdates = this.settings.updates.subscribe((tenant) =>
      this.requestRefresh(tenant, this.tenant(tenant), 0, { urgent: true }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.tick);
    this.settingsUpdates?.unsubscribe();
    for (const tenant of this.tenants.values()) clearTimeout(tenant.refreshTimer);
    await this.source.stop();
    await Promise.all([...this.tenants.values()].map((tenant) => tenant.refreshing));
  }

  /** The figures of `queues` (default: every queue known today), and the centre totals. */
  async view(tenantName: string, queues?: readonly string[]): Promise<Live> {
    await this.ensureTenant(tenantName);
    return this.currentView(tenantName, queues);
  }

  /** Makes sure the tenant's period figures have been read once. */
  async ensureTenant(tenantName: string): Promise<void> {
    const tenant = this.tenant(tenantName);
    tenant.lastInterestAt = this.clock();
    if (!tenant.periods) await (tenant.refreshing ?? this.refresh(tenantName, tenant));
  }

  /** The figures as they stand, without waiting for a first read of the period figures. */
  currentView(tenantName: string, queues?: readonly string[]): Live {
    const tenant = this.tenant(tenantName);
    const now = this.clock();
    const settings = tenant.periods?.settings;
    const timezone = settings?.timezone ?? this.config.timezone;
    const shown = queues ?? [...this.knownQueues(tenant)].sort();
    const figures = (queue: string | undefined): LiveFigures => {
      const windows = tenant.periods?.windows;
      const pick = (window: 'today' | 'last15m' | 'last60m') =>
        (queue === undefined ? windows?.[window].totals : windows?.[window].byQueue.get(queue)) ?? NO_METRICS;
      const queueSettings = settings ? SettingsService.forQueue(settings, queue ?? '') : DEFAULT_QUEUE_SETTINGS;
      return buildFigures({
        waiting: tenant.state.waiting(queue, now),
        agents: tenant.state.agents(queue, now),
        today: pick('today'),
        last15m: pick('last15m'),
        last60m: pick('last60m'),
        settings: queueSettings,
        now,
        timezone,
      });
    };
    const lag = this.ingestLag.current();
    return {
      at: formatInstant(now, timezone),
      tenant: tenantName,
      timezone,
      ingestLagSeconds: lag.seconds,
      ingestLagMessages: lag.messages,
      queues: shown.map((queue): LiveQueue => ({ queue, ...figures(queue) })),
      totals: figures(undefined),
    };
  }

  private receive(events: LiveEvent[]): void {
    if (this.pending) {
      this.pending.push(...events);
      return;
    }
    const now = this.clock();
    const changedByTenant = new Map<string, Set<string>>();
    for (const event of events) {
      const change = this.tenant(event.tenant).state.apply(event, now);
      const changed = changedByTenant.get(event.tenant) ?? new Set<string>();
      for (const queue of change.queues) changed.add(queue);
      if (change.queues.size > 0 || change.agents || !changedByTenant.has(event.tenant)) changedByTenant.set(event.tenant, changed);
    }
    for (const [tenantName, queues] of changedByTenant) {
      const tenant = this.tenant(tenantName);
      tenant.lastInterestAt = now;
      this.requestRefresh(tenantName, tenant, this.source.storeDelayMs);
      this.announce(tenantName, tenant, queues);
    }
  }

  private announce(tenantName: string, tenant: TenantLive, queues: Set<string>): void {
    this.checkThresholds(tenantName, tenant, queues);
    this.changes.next({ tenant: tenantName, queues });
  }

  private checkThresholds(tenantName: string, tenant: TenantLive, queues: Iterable<string>): void {
    const periods = tenant.periods;
    if (!periods) return;
    const now = this.clock();
    const alerts: Alert[] = [];
    for (const queue of queues) {
      const today = periods.windows.today.byQueue.get(queue) ?? NO_METRICS;
      const figures = watchedFigures({
        waiting: tenant.state.waiting(queue, now),
        today,
        thresholds: SettingsService.forQueue(periods.settings, queue).thresholds,
        now,
      }).filter((figure) => figure.window === 'now' || (today.offered ?? 0) >= MIN_LEGS_FOR_TODAY_ALERTS);
      alerts.push(...this.alertTracker.observe(tenantName, queue, figures, now));
    }
    if (alerts.length === 0) return;
    this.alerts.next(alerts);
    this.repository.recordAlerts(alerts, this.instance).catch((error: unknown) => this.logger.error(error, 'alerts could not be recorded'));
  }

  private onTick(): void {
    const now = this.clock();
    for (const [tenantName, tenant] of this.tenants) {
      if (this.ticks % PRUNE_EVERY_TICKS === 0) {
        const pruned = tenant.state.prune(now);
        if (pruned.size > 0) this.changes.next({ tenant: tenantName, queues: pruned });
        if (tenant.lastInterestAt < now - IDLE_TENANT_MS && tenant.state.isEmpty() && !tenant.refreshing) {
          clearTimeout(tenant.refreshTimer);
          this.tenants.delete(tenantName);
          continue;
        }
      }
      // The longest wait grows without any event: its band is checked every tick.
      this.checkThresholds(tenantName, tenant, this.knownQueues(tenant));
      if (now - tenant.lastRefreshAt >= PERIOD_REFRESH_INTERVAL_MS) this.requestRefresh(tenantName, tenant, 0);
    }
    this.heartbeats.next({ at: new Date(now).toISOString(), ingestLagSeconds: this.ingestLag.current().seconds });
    this.ticks += 1;
  }

  /** Asks for the period figures to be re-read no sooner than `delayMs` from now (when the events are in ClickHouse). */
  private requestRefresh(tenantName: string, tenant: TenantLive, delayMs: number, options: { urgent?: boolean } = {}): void {
    tenant.neededAt = Math.max(tenant.neededAt ?? -Infinity, this.clock() + delayMs);
    if (options.urgent) {
      // A changed setting is shown at once, whatever the pace of re-reads.
      clearTimeout(tenant.refreshTimer);
      tenant.refreshTimer = undefined;
      tenant.urgent = true;
    }
    this.armRefresh(tenantName, tenant);
  }

  private armRefresh(tenantName: string, tenant: TenantLive): void {
    if (this.stopped || tenant.refreshTimer || tenant.refreshing || tenant.neededAt === undefined) return;
    // Under load a re-read can take a while; leaving twice its time between re-reads keeps ClickHouse from being kept busy by them.
    const gap = tenant.urgent ? 0 : Math.min(PERIOD_REFRESH_MAX_GAP_MS, Math.max(PERIOD_REFRESH_MIN_GAP_MS, 2 * tenant.lastRefreshMs));
    const at = Math.max(tenant.neededAt, tenant.lastRefreshAt + gap);
    tenant.refreshTimer = setTimeout(
      () => {
        tenant.refreshTimer = undefined;
        void this.refresh(tenantName, tenant);
      },
      Math.max(0, at - this.clock()),
    );
  }

  private refresh(tenantName: string, tenant: TenantLive): Promise<void> {
    if (tenant.refreshing) return tenant.refreshing;
    const startedAt = this.clock();
    tenant.lastRefreshAt = startedAt;
    tenant.urgent = false;
    // This read sees everything needed by now; later requests wait for the next one.
    if (tenant.neededAt !== undefined && tenant.neededAt <= startedAt) tenant.neededAt = undefined;
    tenant.refreshing = this.readPeriods(tenantName, tenant).finally(() => {
      tenant.lastRefreshMs = this.clock() - startedAt;
      tenant.refreshing = undefined;
      this.armRefresh(tenantName, tenant);
    });
    return tenant.refreshing;
  }

  private async readPeriods(tenantName: string, tenant: TenantLive): Promise<void> {
    try {
      const settings = await this.settings.get(tenantName);
      const periods = await readPeriodFigures(this.metrics, tenantName, settings, this.clock());
      const changed = changedQueues(tenant.periods, periods);
      const first = !tenant.periods;
      const settingsChanged = JSON.stringify(tenant.periods?.settings) !== JSON.stringify(periods.settings);
      tenant.periods = periods;
      if (settingsChanged) for (const queue of this.knownQueues(tenant)) changed.add(queue);
      if (first) this.checkThresholds(tenantName, tenant, this.knownQueues(tenant));
      if (changed.size > 0 || first) this.announce(tenantName, tenant, changed);
    } catch (error) {
      this.logger.error(error, `live period figures of tenant ${tenantName} could not be read`);
    }
  }

  private knownQueues(tenant: TenantLive): Set<string> {
    const queues = tenant.state.queues();
    for (const queue of tenant.periods?.windows.today.byQueue.keys() ?? []) queues.add(queue);
    for (const queue of Object.keys(tenant.periods?.settings.queues ?? {})) queues.add(queue);
    return queues;
  }

  private restore(snapshot: LiveSnapshot): void {
    for (const row of snapshot.waitingCalls) this.tenant(row.tenant).state.restoreWaiting(row.call_id, row.queue, row.offered_at);
    for (const row of snapshot.outcomes) this.tenant(row.tenant).state.restoreOutcome(row.call_id, row.queue, row.outcome_at);
    for (const row of snapshot.agents) {
      this.tenant(row.tenant).state.restoreAgent({
        agentId: row.agent_id,
        state: row.last_state,
        since: row.since,
        reason: row.last_reason,
        eventId: row.last_event_id,
        team: row.last_team,
        teamAt: row.team_at,
        teamEventId: row.team_event_id,
      });
    }
    for (const row of snapshot.agentQueues) this.tenant(row.tenant).state.restoreAnswer(row.agent_id, row.queue, row.answered_at);
  }

  private tenant(tenantName: string): TenantLive {
    let tenant = this.tenants.get(tenantName);
    if (!tenant) {
      tenant = { state: new LiveState(), lastRefreshAt: -Infinity, lastRefreshMs: 0, lastInterestAt: this.clock() };
      this.tenants.set(tenantName, tenant);
    }
    return tenant;
  }
}
