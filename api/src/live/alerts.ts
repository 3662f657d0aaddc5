import { randomUUID } from 'node:crypto';
import { bandOf, BANDS, type Band } from '../settings/bands';
import type { ThresholdMetric } from '../settings/settings.schema';

/** Which figure a band watches: an instantaneous one, or one over today. */
export type AlertWindow = 'now' | 'today';

export interface WatchedFigure {
  metric: ThresholdMetric;
  window: AlertWindow;
  value: number | null;
  threshold: { amber: number; red: number };
}

export interface Alert {
  id: string;
  tenant: string;
  /** RFC 3339, UTC. */
  at: string;
  queue: string;
  metric: ThresholdMetric;
  window: AlertWindow;
  level: Band;
  previousLevel: Band;
  /** 'worse' into amber or red, 'better' back towards green. */
  direction: 'worse' | 'better';
  value: number;
  amber: number;
  red: number;
}

/**
 * Remembers each figure's band and reports a crossing once: a figure alerts when its band
 * differs from the one it was last in (a figure never seen counts as green, so a queue already
 * red at start alerts once).
 */
export class AlertTracker {
  private readonly levels = new Map<string, Band>();

  /** Bands as last alerted before a restart. */
  seed(levels: ReadonlyArray<{ tenant: string; queue: string; metric: string; level: string }>): void {
    for (const row of levels) {
      if ((BANDS as readonly string[]).includes(row.level)) this.levels.set(key(row.tenant, row.queue, row.metric), row.level as Band);
    }
  }

  observe(tenant: string, queue: string, figures: readonly WatchedFigure[], at: number): Alert[] {
    const alerts: Alert[] = [];
    for (const figure of figures) {
      const level = bandOf(figure.metric, figure.value, figure.threshold);
      if (level === null || figure.value === null) continue;
      const figureKey = key(tenant, queue, figure.metric);
      const previousLevel = this.levels.get(figureKey) ?? 'green';
      if (level === previousLevel) continue;
      this.levels.set(figureKey, level);
      alerts.push({
        id: randomUUID(),
        tenant,
        at: new Date(at).toISOString(),
        queue,
        metric: figure.metric,
        window: figure.window,
        level,
        previousLevel,
        direction: BANDS.indexOf(level) > BANDS.indexOf(previousLevel) ? 'worse' : 'better',
        value: figure.value,
        amber: figure.threshold.amber,
        red: figure.threshold.red,
      });
    }
    return alerts;
  }
}

function key(tenant: string, queue: string, metric: string): string {
  return `${tenant}\u0000${queue}\u0000${metric}`;
}
