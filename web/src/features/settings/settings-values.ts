import type { QueueSettings, Settings } from '@callboard/api';

type SettingsUpdate = {
  timezone?: string;
  defaults?: QueuePatch;
  queues?: Record<string, QueuePatch | null>;
};
type QueuePatch = Partial<Omit<QueueSettings, 'thresholds'>> & { thresholds?: Partial<QueueSettings['thresholds']> };
export type { SettingsUpdate, QueuePatch };

export type ThresholdMetric = keyof QueueSettings['thresholds'];

/** Watched figures and which way is better (api/src/settings/settings.schema.ts), in the order shown. */
export const THRESHOLDS = [
  { metric: 'serviceLevel', better: 'higher', unit: 'percent' },
  { metric: 'abandonmentRate', better: 'lower', unit: 'percent' },
  { metric: 'asaSeconds', better: 'lower', unit: 'seconds' },
  { metric: 'ahtSeconds', better: 'lower', unit: 'seconds' },
  { metric: 'avgAbandonWaitSeconds', better: 'lower', unit: 'seconds' },
  { metric: 'waitingNow', better: 'lower', unit: 'calls' },
  { metric: 'longestWaitSeconds', better: 'lower', unit: 'seconds' },
  { metric: 'fcrRate', better: 'higher', unit: 'percent' },
  { metric: 'csatMean', better: 'higher', unit: 'score' },
  { metric: 'csatRate', better: 'higher', unit: 'percent' },
] as const satisfies ReadonlyArray<{ metric: ThresholdMetric; better: 'lower' | 'higher'; unit: string }>;

export const NUMBER_FIELDS = [
  { name: 'serviceLevelSeconds', unit: 'seconds' },
  { name: 'serviceLevelTarget', unit: 'percent' },
  { name: 'shortAbandonSeconds', unit: 'seconds' },
  { name: 'fcrWindowHours', unit: 'hours' },
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number]['name'];

/** What the inputs hold: text as typed, ratios in percent. */
export interface SettingsFormValues {
  timezone: string;
  serviceLevelSeconds: string;
  serviceLevelTarget: string;
  shortAbandonSeconds: string;
  fcrWindowHours: string;
  fcrSameCategoryOnly: boolean;
  thresholds: Record<ThresholdMetric, { amber: string; red: string }>;
}

/** A field the form cannot send: not a number, or a band the wrong way round. */
export interface FieldProblem {
  field: string;
  code: 'number' | 'order';
}

const isPercent = (field: string) =>
  field === 'serviceLevelTarget' || THRESHOLDS.some((item) => item.metric === field && item.unit === 'percent');
// Rounded so that 0.07 shows as 7, not 7.000000000000001.
const shown = (value: number, percent: boolean) => String(percent ? Number((value * 100).toFixed(6)) : value);
const parsed = (text: string, percent: boolean) => {
  const value = text.trim() === '' ? Number.NaN : Number(text.trim());
  return percent ? value / 100 : value;
};

/** The settings in force for a queue (or the defaults, without one), as the form shows them. */
export function formValues(settings: Settings, queue?: string): SettingsFormValues {
  const effective = (queue && settings.queues[queue]) || settings.defaults;
  const thresholds = Object.fromEntries(
    THRESHOLDS.map(({ metric }) => {
      const band = effective.thresholds[metric];
      return [metric, { amber: shown(band.amber, isPercent(metric)), red: shown(band.red, isPercent(metric)) }];
    }),
  ) as SettingsFormValues['thresholds'];
  return {
    timezone: settings.timezone,
    serviceLevelSeconds: shown(effective.serviceLevelSeconds, false),
    serviceLevelTarget: shown(effective.serviceLevelTarget, true),
    shortAbandonSeconds: shown(effective.shortAbandonSeconds, false),
    fcrWindowHours: shown(effective.fcrWindowHours, false),
    fcrSameCategoryOnly: effective.fcrSameCategoryOnly,
    thresholds,
  };
}

/**
 * The PUT /settings body for what was edited: only changed fields, under `defaults` or under the
 * queue's name; a threshold goes as its whole band (the api merges bands per metric).
 * `update` is undefined when nothing changed or something cannot be sent.
 */
export function settingsUpdate(
  original: SettingsFormValues,
  edited: SettingsFormValues,
  queue?: string,
): { update?: SettingsUpdate; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const patch: QueuePatch = {};
  const number = (field: string, text: string) => {
    const value = parsed(text, isPercent(field.replace(/^thresholds\.|\.(amber|red)$/g, '')));
    if (!Number.isFinite(value)) problems.push({ field, code: 'number' });
    return value;
  };

  for (const { name } of NUMBER_FIELDS) {
    const value = number(name, edited[name]);
    if (Number.isFinite(value) && value !== parsed(original[name], isPercent(name))) patch[name as NumberField] = value;
  }
  if (edited.fcrSameCategoryOnly !== original.fcrSameCategoryOnly) patch.fcrSameCategoryOnly = edited.fcrSameCategoryOnly;

  for (const { metric, better } of THRESHOLDS) {
    const before = original.thresholds[metric];
    const after = edited.thresholds[metric];
    if (after.amber.trim() === before.amber.trim() && after.red.trim() === before.red.trim()) continue;
    const amber = number(`thresholds.${metric}.amber`, after.amber);
    const red = number(`thresholds.${metric}.red`, after.red);
    if (!Number.isFinite(amber) || !Number.isFinite(red)) continue;
    if (better === 'lower' ? amber > red : amber < red) problems.push({ field: `thresholds.${metric}`, code: 'order' });
    else (patch.thresholds ??= {})[metric] = { amber, red };
  }

  if (problems.length > 0) return { problems };
  const update: SettingsUpdate = {};
  const timezone = edited.timezone.trim();
  if (timezone !== original.timezone) update.timezone = timezone;
  if (Object.keys(patch).length > 0) {
    if (queue) update.queues = { [queue]: patch };
    else update.defaults = patch;
  }
  return Object.keys(update).length > 0 ? { update, problems } : { problems };
}

/** The form field an api 400 parameter names (`queues.billing.thresholds.asaSeconds.amber` → `thresholds.asaSeconds.amber`). */
export function fieldOfParameter(name: string, queue?: string): string | undefined {
  if (name === 'timezone') return 'timezone';
  const prefix = queue ? `queues.${queue}.` : 'defaults.';
  return name.startsWith(prefix) ? name.slice(prefix.length) : undefined;
}
