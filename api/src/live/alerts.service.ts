import { Inject, Injectable } from '@nestjs/common';
import { badParameter } from '../common/bad-parameter';
import { formatInstant } from '../common/query-params';
import { CLOCK, type Clock } from '../infrastructure/tokens';
import { BANDS, type Band } from '../settings/bands';
import { SettingsService } from '../settings/settings.service';
import type { Alert } from './alerts';
import { LiveRepository } from './live.repository';

/** Copies of one crossing recorded by several api instances lie this close together. */
const SAME_CROSSING_MS = 10_000;
const DEFAULT_LOOKBACK_MS = 24 * 3_600_000;

export interface AlertsQuery {
  tenant: string;
  queue: string[];
  from?: number;
  to?: number;
  limit: number;
}

@Injectable()
export class AlertsService {
  constructor(
    private readonly repository: LiveRepository,
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Recent threshold crossings, newest first, one per crossing however many api instances saw it. */
  async recent(query: AlertsQuery): Promise<{ alerts: Alert[] }> {
    const to = query.to ?? this.clock();
    const from = query.from ?? to - DEFAULT_LOOKBACK_MS;
    if (to <= from) throw badParameter('to', 'must be later than from');
    const { timezone } = await this.settings.get(query.tenant);
    const rows = await this.repository.recentAlerts({ tenant: query.tenant, from, to, queues: query.queue, limit: query.limit * 4 });
    const kept: typeof rows = [];
    for (const row of rows) {
      const copy = kept.find(
        (other) =>
          other.queue === row.queue &&
          other.metric === row.metric &&
          other.level === row.level &&
          other.previous_level === row.previous_level &&
          Math.abs(other.at_ms - row.at_ms) < SAME_CROSSING_MS,
      );
      if (!copy) kept.push(row);
    }
    const alerts = kept.slice(0, query.limit).map((row): Alert => ({
      id: row.alert_id,
      tenant: row.tenant,
      at: formatInstant(row.at_ms, timezone),
      queue: row.queue,
      metric: row.metric as Alert['metric'],
      window: row.window as Alert['window'],
      level: row.level as Alert['level'],
      previousLevel: row.previous_level as Alert['previousLevel'],
      direction: BANDS.indexOf(row.level as Band) > BANDS.indexOf(row.previous_level as Band) ? 'worse' : 'better',
      value: row.value,
      amber: row.amber,
      red: row.red,
    }));
    return { alerts };
  }
}
