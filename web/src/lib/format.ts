import { useTranslation } from 'react-i18next';

export interface Formatters {
  count(value: number | null | undefined): string;
  percent(value: number | null | undefined, fractionDigits?: number): string;
  decimal(value: number | null | undefined, fractionDigits?: number): string;
  /** A duration in seconds as m:ss (h:mm:ss from an hour on). */
  duration(value: number | null | undefined): string;
  dateTime(iso: string | number, timezone: string, style?: 'short' | 'time' | 'date'): string;
}

/** Shown for a figure with no value (a ratio whose denominator is 0): never 0. */
export const NO_VALUE = '—';

/** Numbers, durations, dates and times for the current language, in the centre's timezone. */
export function formatters(locale: string): Formatters {
  const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const missing = (value: number | null | undefined): value is null | undefined =>
    value === null || value === undefined || Number.isNaN(value);
  return {
    count: (value) => (missing(value) ? NO_VALUE : counts.format(value)),
    percent: (value, fractionDigits = 1) =>
      missing(value)
        ? NO_VALUE
        : new Intl.NumberFormat(locale, {
            style: 'percent',
            maximumFractionDigits: fractionDigits,
            minimumFractionDigits: fractionDigits,
          }).format(value),
    decimal: (value, fractionDigits = 1) =>
      missing(value)
        ? NO_VALUE
        : new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(value),
    duration: (value) => {
      if (missing(value)) return NO_VALUE;
      const total = Math.max(0, Math.round(value));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = String(total % 60).padStart(2, '0');
      return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
    },
    dateTime: (iso, timezone, style = 'short') => {
      const options: Intl.DateTimeFormatOptions =
        style === 'time'
          ? { timeStyle: 'medium', timeZone: timezone }
          : style === 'date'
            ? { dateStyle: 'medium', timeZone: timezone }
            : { dateStyle: 'short', timeStyle: 'short', timeZone: timezone };
      return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
