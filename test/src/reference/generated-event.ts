import type { SeededRandom } from './seeded-random';

/** An event as a producer writes it (EVENTS.md). */
export type GeneratedEvent = Record<string, unknown> & { eventId: string; type: string; ts: string | number };

// Producers send local times with any offset, or epoch milliseconds; all must read alike.
const OFFSETS = [
  { minutes: 480, suffix: '+08:00' },
  { minutes: -300, suffix: '-05:00' },
  { minutes: -240, suffix: '-04:00' },
  { minutes: 345, suffix: '+05:45' },
  { minutes: 0, suffix: 'Z' },
  { minutes: 0, suffix: '+00:00' },
];

/** Appends events with ids `<prefix>-<n>`, each `ts` in a randomly chosen form; remembers the latest time written. */
export class EventWriter {
  private sequence = 0;
  lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly events: GeneratedEvent[],
    private readonly random: SeededRandom,
    private readonly idPrefix: string,
    private readonly common: Record<string, unknown> = {},
  ) {}

  write(type: string, at: number, fields: Record<string, unknown> = {}): void {
    const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    this.events.push({ eventId: `${this.idPrefix}-${this.sequence++}`, type, ts: this.timestamp(at), ...this.common, ...present });
    this.lastAt = Math.max(this.lastAt, at);
  }

  private timestamp(at: number): string | number {
    if (this.random.chance(0.35)) return at;
    const offset = this.random.pick(OFFSETS);
    return new Date(at + offset.minutes * 60_000).toISOString().slice(0, 23) + offset.suffix;
  }
}
