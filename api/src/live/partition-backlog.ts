/** Room kept per partition; past it, the two closest neighbours merge and the answer coarsens (it can only overstate). */
const MAX_ENTRIES = 1_000;
const RESOLUTION_MS = 1_000;

interface Entry {
  /** The last offset this entry covers (the one after the previous entry's up to this one). */
  offset: number;
  /** The earliest timestamp among the offsets it covers, to the second below. */
  at: number;
}

/**
 * The messages of one partition that the live consumer has seen, reduced to what answers "when
 * was the oldest message at or after offset c produced?" for a committed offset c that only grows.
 * Entries stay in offset order with strictly increasing timestamps: a new message makes every
 * entry before it that is not older than it redundant. Timestamps count to the second, so steady traffic
 * keeps one entry per second of backlog, and at most MAX_ENTRIES in all.
 */
export class PartitionBacklog {
  private entries: Entry[] = [];

  /** A message the live consumer read. Re-reads of offsets already seen change nothing. */
  seen(offset: number, timestampMs: number): void {
    const last = this.entries.at(-1);
    if (last && offset <= last.offset) return;
    const at = Math.floor(timestampMs / RESOLUTION_MS) * RESOLUTION_MS;
    while ((this.entries.at(-1)?.at ?? -Infinity) >= at) this.entries.pop();
    this.entries.push({ offset, at });
    if (this.entries.length > MAX_ENTRIES) this.mergeClosest();
  }

  /** When the oldest seen message at or after `committed` was produced (epoch ms); undefined: none. Forgets what is before it. */
  oldestFrom(committed: number): number | undefined {
    const firstPending = this.entries.findIndex((entry) => entry.offset >= committed);
    if (firstPending === -1) {
      this.entries = [];
      return undefined;
    }
    if (firstPending > 0) this.entries.splice(0, firstPending);
    return this.entries[0]!.at;
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Merges the two neighbours closest in time into one covering both, keeping the older time:
   * a long backlog ends up evenly coarse (its span / MAX_ENTRIES), its oldest part included.
   */
  private mergeClosest(): void {
    let closest = 0;
    for (let index = 1; index < this.entries.length - 1; index += 1) {
      const gap = this.entries[index + 1]!.at - this.entries[index]!.at;
      if (gap < this.entries[closest + 1]!.at - this.entries[closest]!.at) closest = index;
    }
    const [first, second] = this.entries.slice(closest, closest + 2) as [Entry, Entry];
    this.entries.splice(closest, 2, { offset: second.offset, at: first.at });
  }
}
