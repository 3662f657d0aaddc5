/** At most one push per room this often: a few a second, each carrying every change since the last. */
export const MIN_PUSH_GAP_MS = 250;

export interface RoomTarget {
  tenant: string;
  queues: string[];
}

interface RoomEntry {
  tenant: string;
  queues: Set<string>;
  lastPushAt: number;
  timer?: NodeJS.Timeout;
}

/**
 * Coalesces changes per Socket.IO room: the first change after a quiet spell goes out at once
 * (on the next turn of the event loop, with whatever else that turn changed), later ones wait
 * until MIN_PUSH_GAP_MS has passed since the last push and then go out together.
 */
export class RoomPushes {
  private readonly rooms = new Map<string, RoomEntry>();

  constructor(
    private readonly push: (target: RoomTarget & { room: string }) => void,
    private readonly hasMembers: (room: string) => boolean,
    private readonly clock: () => number = Date.now,
  ) {}

  changed(room: string, target: RoomTarget): void {
    if (!this.hasMembers(room)) return;
    let entry = this.rooms.get(room);
    if (!entry) {
      entry = { tenant: target.tenant, queues: new Set(), lastPushAt: -Infinity };
      this.rooms.set(room, entry);
    }
    for (const queue of target.queues) entry.queues.add(queue);
    if (entry.timer) return;
    const wait = Math.max(0, entry.lastPushAt + MIN_PUSH_GAP_MS - this.clock());
    entry.timer = setTimeout(() => this.flush(room, entry), wait);
  }

  close(): void {
    for (const entry of this.rooms.values()) clearTimeout(entry.timer);
  }

  private flush(room: string, entry: RoomEntry): void {
    entry.timer = undefined;
    entry.lastPushAt = this.clock();
    const queues = [...entry.queues].sort();
    entry.queues.clear();
    this.push({ room, tenant: entry.tenant, queues });
  }
}
