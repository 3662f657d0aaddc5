import type { Disposition } from '../contract';
import type { SurveyProfile } from './profile';
import type { Random } from './random';

type Score = '1' | '2' | '3' | '4' | '5';

// Satisfaction follows the outcome first; a long wait costs a point now and then.
const SCORES: Record<Disposition, Record<Score, number>> = {
  resolved: { 5: 0.55, 4: 0.3, 3: 0.1, 2: 0.03, 1: 0.02 },
  callback_scheduled: { 5: 0.1, 4: 0.35, 3: 0.35, 2: 0.15, 1: 0.05 },
  escalated: { 5: 0.1, 4: 0.15, 3: 0.35, 2: 0.25, 1: 0.15 },
  unresolved: { 5: 0.05, 4: 0.1, 3: 0.3, 2: 0.3, 1: 0.25 },
};
const LONG_WAIT_MS = 60_000;

export type SurveyAnswer = { score: number; resolved?: boolean };

/** The caller's survey answer, or undefined when they do not take the survey. */
export function surveyAnswer(profile: SurveyProfile, disposition: Disposition, waitMs: number, random: Random): SurveyAnswer | undefined {
  if (!random.chance(profile.share)) return undefined;
  let score = Number(random.weighted(SCORES[disposition]));
  if (waitMs > LONG_WAIT_MS && score > 1 && random.chance(0.4)) score--;
  if (!random.chance(profile.resolvedQuestionShare)) return { score };
  return { score, resolved: random.chance(disposition === 'resolved' ? 0.9 : 0.12) };
}
