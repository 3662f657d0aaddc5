import type { CallCategory, Disposition } from '../contract';

/** A duration drawn lognormally: half the draws are shorter than `median` seconds; `sigma` sets the spread. */
export interface Lognormal {
  kind: 'lognormal';
  median: number;
  sigma: number;
}
/** A duration drawn exponentially with the given mean in seconds (the M/M/c service time). */
export interface Exponential {
  kind: 'exponential';
  mean: number;
}
export type Duration = Lognormal | Exponential;

export interface QueueProfile {
  /** ASCII id, the `queue` of the events. */
  id: string;
  /** Fresh calls (first contacts) on a weekday; repeat calls come on top. */
  callsPerDay: number;
  /** Relative arrival rate for each local hour 0–23; 0 means closed (no calls offered). */
  hourlyWeights: readonly number[];
  /** Higher is served first when an agent serving several queues becomes free. */
  priority: number;
  categories: Readonly<Partial<Record<CallCategory, number>>>;
  /** Weights of the disposition each contact is headed for. */
  dispositions: Readonly<Partial<Record<Disposition, number>>>;
  talk: Duration;
  /** Caller patience: how long they wait before hanging up. Absent: callers never hang up. */
  patience?: Lognormal;
  /** Share of callers who hang up within the first 5 s (misdials, changed minds): short abandons. */
  shortAbandonShare?: number;
  /** Share of callers who, out of patience, press a key for a callback instead of hanging up. */
  callbackKeyShare?: number;
  /** A call still waiting this long leaves the queue (`call.flowed_out`, reason `timeout`), to `toQueue` if given. */
  timeout?: { seconds: number; toQueue?: string };
  /** Share of answered legs put on hold (once), and the hold length. */
  hold?: { share: number; duration: Duration };
  /** Share of answered legs transferred to another queue, with the target queues' weights. */
  transfer?: { share: number; toQueues: Readonly<Record<string, number>> };
}

export interface BreakProfile {
  /** Local "HH:MM": each agent's break starts at a time drawn between `from` and `spreadMinutes` later. */
  from: string;
  spreadMinutes: number;
  minutes: number;
  reason: string;
}

export interface ShiftProfile {
  /** Local "HH:MM"; `end` may pass "24:00" (up to "26:00") so late agents clear the day's last calls. */
  start: string;
  end: string;
  agents: number;
  breaks?: readonly BreakProfile[];
}

export interface TeamProfile {
  id: string;
  /** The queues its agents answer. */
  queues: readonly string[];
  shifts: readonly ShiftProfile[];
}

export interface CentreProfile {
  queues: readonly QueueProfile[];
  teams: readonly TeamProfile[];
  /** Arrival multiplier per ISO weekday (index 0 = Monday … 6 = Sunday). */
  weekdayFactors: readonly number[];
  /** Share of scheduled agents who come to work on a day (absence is drawn per agent per day). */
  attendance: number;
  /** Seconds the phone rings before an answer; absent: answered at once. */
  ring?: Duration;
  /** After-call work after each call; absent: none tracked (`call.ended` carries `wrapup: false`). */
  afterCallWork?: Duration;
  customers: CustomerProfile;
  surveys?: SurveyProfile;
}

export interface CustomerProfile {
  /** Share of callers who withhold their number (no `customerId`). */
  anonymousShare: number;
  /** Chance that a contact heading for each disposition is followed by another call from the same customer. */
  repeatChance: Readonly<Record<Disposition, number>>;
  /** Delay before the repeat call; capped at 6 days so a day's repeats come from the 7 days before it. */
  repeatDelayHours: Lognormal;
  /** Chance that a repeat call is about the same category (else another of its queue's). */
  sameCategoryShare: number;
}

export interface SurveyProfile {
  /** Share of handled calls whose caller answers the post-call survey. */
  share: number;
  /** Share of surveys that also answer "was your issue solved?". */
  resolvedQuestionShare: number;
}
