import { z } from 'zod';

// RFC 3339 date-time with a mandatory offset; RFC 3339 §5.6 allows a space in place of the T.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Epoch milliseconds (UTC) from an RFC 3339 string with offset, or undefined if it is not one. */
export function parseRfc3339(text: string): number | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return undefined;
  // Sub-millisecond digits are dropped: millisecond precision is what EVENTS.md keeps.
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, millis);
  if (new Date(utc).getUTCDate() !== d) return undefined; // e.g. 2026-02-30
  if (zulu) return utc;
  const offset = Number(offsetHours) * 60 + Number(offsetMinutes);
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
  return utc - (sign === '-' ? -offset : offset) * 60_000;
}

/** `ts` in either accepted form (EVENTS.md), normalised to UTC epoch milliseconds. */
export const timestampSchema = z
  .custom<string | number>(() => true)
  .transform((value: unknown, ctx) => {
    if (value === undefined || value === null) {
      ctx.addIssue({ code: 'custom', message: 'required', params: { reasonCode: 'missing_field' } });
      return z.NEVER;
    }
    // Checked by hand rather than z.number(): zod refuses Infinity as a type error, while
    // EVENTS.md counts a non-finite epoch (JSON 1e400) as out of range.
    if (typeof value !== 'string' && typeof value !== 'number') {
      ctx.addIssue({
        code: 'custom',
        message: `must be an RFC 3339 string or epoch milliseconds, got ${Array.isArray(value) ? 'an array' : typeof value}`,
        params: { reasonCode: 'wrong_type' },
      });
      return z.NEVER;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || value < 0) {
        ctx.addIssue({
          code: 'custom',
          message: `epoch milliseconds must be finite and not negative, got ${value}`,
          params: { reasonCode: 'out_of_range' },
        });
        return z.NEVER;
      }
      return Math.floor(value);
    }
    const millis = parseRfc3339(value);
    if (millis === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an RFC 3339 time with offset (e.g. 2026-11-22T09:00:00.123+08:00), got "${value.slice(0, 40)}"`,
        params: { reasonCode: 'invalid_value' },
      });
      return z.NEVER;
    }
    if (millis < 0) {
      ctx.addIssue({ code: 'custom', message: `time before 1970 is not accepted, got "${value}"`, params: { reasonCode: 'out_of_range' } });
      return z.NEVER;
    }
    return millis;
  });
