import { DateTime } from 'luxon';

export const AGAINST = ['previous', 'week', 'year', 'custom'] as const;
export type Against = (typeof AGAINST)[number];

export interface Period {
  from: number;
  to: number;
}

/**
 * The period a comparison sets beside [from, to) (METRICS.md "Comparisons"). `previous` is the
 * period just before of the same length, counted in whole calendar months or days when the
 * period is made of them (so November's previous is October, not the 30 days before);
 * `week` and `year` shift by a week (same weekdays) or a year (same dates) on the local calendar.
 */
export function baselinePeriod(period: Period, against: Exclude<Against, 'custom'>, zone: string): Period {
  const from = DateTime.fromMillis(period.from, { zone });
  const to = DateTime.fromMillis(period.to, { zone });
  switch (against) {
    case 'week':
      return shifted(from, to, { weeks: 1 });
    case 'year':
      return shifted(from, to, { years: 1 });
    case 'previous': {
      if (isMonthStart(from) && isMonthStart(to)) {
        const months = Math.round(to.diff(from, 'months').months);
        return { from: from.minus({ months }).toMillis(), to: period.from };
      }
      if (isMidnight(from) && isMidnight(to)) {
        const days = Math.round(to.diff(from, 'days').days);
        return { from: from.minus({ days }).toMillis(), to: period.from };
      }
      return { from: period.from - (period.to - period.from), to: period.from };
    }
  }
}

function shifted(from: DateTime, to: DateTime, by: { weeks: number } | { years: number }): Period {
  return { from: from.minus(by).toMillis(), to: to.minus(by).toMillis() };
}

const isMidnight = (at: DateTime): boolean => at.equals(at.startOf('day'));
const isMonthStart = (at: DateTime): boolean => at.equals(at.startOf('month'));
