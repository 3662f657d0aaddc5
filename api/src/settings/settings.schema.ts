import { z } from 'zod';
import { timezoneParam } from '../common/query-params';

/** Metrics a threshold band can watch; lower is better for these, higher for the rest. */
export const LOWER_IS_BETTER = [
  'abandonmentRate',
  'asaSeconds',
  'ahtSeconds',
  'waitingNow',
  'longestWaitSeconds',
  'avgAbandonWaitSeconds',
] as const;
export const HIGHER_IS_BETTER = ['serviceLevel', 'fcrRate', 'csatMean', 'csatRate'] as const;
export const THRESHOLD_METRICS = [...LOWER_IS_BETTER, ...HIGHER_IS_BETTER] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

const band = z
  .object({
    amber: z.number().finite().describe('a lower-is-better figure is amber from this value up; a higher-is-better one below it'),
    red: z.number().finite().describe('a lower-is-better figure is red from this value up; a higher-is-better one below it'),
  })
  .describe('green / amber / red bands: for a lower-is-better figure amber ≤ red, for a higher-is-better one amber ≥ red');

export const DEFAULT_THRESHOLDS: Record<ThresholdMetric, { amber: number; red: number }> = {
  abandonmentRate: { amber: 0.05, red: 0.1 },
  asaSeconds: { amber: 20, red: 45 },
  ahtSeconds: { amber: 420, red: 600 },
  waitingNow: { amber: 5, red: 10 },
  longestWaitSeconds: { amber: 60, red: 120 },
  avgAbandonWaitSeconds: { amber: 45, red: 90 },
  serviceLevel: { amber: 0.8, red: 0.7 },
  fcrRate: { amber: 0.75, red: 0.65 },
  csatMean: { amber: 4.2, red: 3.8 },
  csatRate: { amber: 0.85, red: 0.75 },
};

/** METRICS.md "Settings", per queue. */
export const queueSettingsSchema = z.object({
  serviceLevelSeconds: z.number().int().min(1).max(3600).describe('answer-time target T for service level'),
  serviceLevelTarget: z.number().min(0).max(1).describe('the goal shown beside service level (the "80/20" rule)'),
  shortAbandonSeconds: z.number().int().min(0).max(600).describe('abandons quicker than this are not counted against the queue'),
  fcrWindowHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .describe('a repeat call from the same customer within this window means the first was not resolved'),
  fcrSameCategoryOnly: z.boolean().describe('if true, only a repeat in the same category counts'),
  thresholds: z.record(z.enum(THRESHOLD_METRICS), band).describe('green / amber / red bands for wallboard tiles and alerts'),
});
export type QueueSettings = z.infer<typeof queueSettingsSchema>;

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  serviceLevelSeconds: 20,
  serviceLevelTarget: 0.8,
  shortAbandonSeconds: 5,
  fcrWindowHours: 168,
  fcrSameCategoryOnly: false,
  thresholds: DEFAULT_THRESHOLDS,
};

/** What a queue (or the defaults) overrides: any subset, thresholds merged per metric. */
export const queueSettingsPatchSchema = queueSettingsSchema
  .extend({ thresholds: z.partialRecord(z.enum(THRESHOLD_METRICS), band) })
  .partial()
  .strict();
export type QueueSettingsPatch = z.infer<typeof queueSettingsPatchSchema>;

const queueName = z.string().min(1).max(128);

export const settingsUpdateSchema = z
  .object({
    timezone: timezoneParam.optional().describe('the centre timezone: day, week and month buckets and "today" follow it'),
    defaults: queueSettingsPatchSchema.optional().describe('settings every queue inherits unless it overrides them'),
    queues: z
      .record(queueName, queueSettingsPatchSchema.nullable())
      .optional()
      .describe("per-queue overrides, merged over the queue's current ones; null removes a queue's overrides"),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const settingsSchema = z.object({
  timezone: z.string(),
  defaults: queueSettingsSchema,
  queues: z.record(z.string(), queueSettingsSchema).describe('the effective settings of every queue with overrides'),
});
export type Settings = z.infer<typeof settingsSchema>;
