import { Inject, Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import { SharedAnswers } from '../common/shared-answers';
import { API_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens';
import type { ApiConfig } from '../config/api-config';
import { SettingsRepository } from './settings.repository';
import {
  DEFAULT_QUEUE_SETTINGS,
  queueSettingsPatchSchema,
  type QueueSettings,
  type QueueSettingsPatch,
  type Settings,
  type SettingsUpdate,
} from './settings.schema';

// The defaults row (queue '') also carries the centre timezone.
const DEFAULTS_ROW = '';

interface StoredSettings {
  timezone?: string;
  defaults: QueueSettingsPatch;
  queues: Map<string, QueueSettingsPatch>;
}

/** Settings as METRICS.md defines them: product defaults, overridden centre-wide, then per queue. */
@Injectable()
export class SettingsService {
  /** Tenants whose settings this instance just changed (the live figures re-read at once). */
  readonly updates = new Subject<string>();
  // Every report and every live refresh starts here; a change made on another instance shows within this cache's lifetime.
  private readonly shared: SharedAnswers<Settings>;

  constructor(
    private readonly repository: SettingsRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.shared = new SharedAnswers({ ttlMs: config.queryCacheMs, maxEntries: 1_000 });
  }

  get(tenant: string): Promise<Settings> {
    return this.shared.get(tenant, () => this.readMerged(tenant));
  }

  private async readMerged(tenant: string): Promise<Settings> {
    const stored = await this.read(tenant);
    const defaults = merge(DEFAULT_QUEUE_SETTINGS, stored.defaults);
    const queues = Object.fromEntries([...stored.queues].map(([queue, patch]) => [queue, merge(defaults, patch)]));
    return { timezone: stored.timezone ?? this.config.timezone, defaults, queues };
  }

  /** The settings that apply to `queue`. */
  static forQueue(settings: Settings, queue: string): QueueSettings {
    // Own keys only: a queue named 'toString' or 'constructor' must not find Object.prototype's.
    return Object.hasOwn(settings.queues, queue) ? settings.queues[queue]! : settings.defaults;
  }

  async update(tenant: string, update: SettingsUpdate): Promise<Settings> {
    const stored = await this.read(tenant);
    const rows: Array<{ queue: string; settings: string }> = [];
    if (update.defaults || update.timezone) {
      const defaults = {
        ...stored.defaults,
        ...update.defaults,
        thresholds: { ...stored.defaults.thresholds, ...update.defaults?.thresholds },
      };
      rows.push({ queue: DEFAULTS_ROW, settings: JSON.stringify({ ...defaults, timezone: update.timezone ?? stored.timezone }) });
    }
    for (const [queue, patch] of Object.entries(update.queues ?? {})) {
      const current = stored.queues.get(queue) ?? {};
      const next = patch === null ? {} : { ...current, ...patch, thresholds: { ...current.thresholds, ...patch.thresholds } };
      rows.push({ queue, settings: JSON.stringify(next) });
    }
    await this.repository.write(tenant, rows, this.clock());
    this.shared.clear();
    this.updates.next(tenant);
    return this.get(tenant);
  }

  private async read(tenant: string): Promise<StoredSettings> {
    const stored: StoredSettings = { defaults: {}, queues: new Map() };
    for (const row of await this.repository.readAll(tenant)) {
      const { timezone, ...patch } = JSON.parse(row.settings) as QueueSettingsPatch & { timezone?: string };
      // Rows were validated when written; parsing again keeps a hand-edited row from breaking every query.
      const parsed = queueSettingsPatchSchema.safeParse(patch);
      const valid = parsed.success ? parsed.data : {};
      if (row.queue === DEFAULTS_ROW) {
        stored.defaults = valid;
        stored.timezone = timezone;
      } else if (Object.keys(valid).length > 0) {
        stored.queues.set(row.queue, valid);
      }
    }
    return stored;
  }
}

function merge(base: QueueSettings, patch: QueueSettingsPatch): QueueSettings {
  return { ...base, ...patch, thresholds: { ...base.thresholds, ...patch.thresholds } };
}
