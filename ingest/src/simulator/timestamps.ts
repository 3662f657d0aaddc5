import { DateTime } from 'luxon';

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * RFC 3339 in the centre's local time with its offset, as EVENTS.md's examples. Offsets are
 * looked up once per quarter hour (every zone's changes fall on one), so a million events
 * format in well under a second.
 */
export function createTimestampFormatter(zone: string): (epochMs: number) => string {
  const offsets = new Map<number, number>();
  return (epochMs) => {
    const quarter = Math.floor(epochMs / FIFTEEN_MINUTES);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = DateTime.fromMillis(quarter * FIFTEEN_MINUTES, { zone }).offset;
      offsets.set(quarter, offset);
    }
    const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 23);
    const sign = offset < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${local}${sign}${hours}:${minutes}`;
  };
}
