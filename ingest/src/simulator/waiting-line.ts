/** A FIFO of waiting legs where a leg that leaves early (abandon, timeout) is skipped lazily. */
export class WaitingLine<T extends { waiting: boolean }> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  /** The longest-waiting item still waiting, left in place. */
  peek(): T | undefined {
    while (this.head < this.items.length && !this.items[this.head]!.waiting) this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }

  /** Every item still waiting, oldest first; the line is left empty. */
  drain(): T[] {
    const waiting = this.items.slice(this.head).filter((item) => item.waiting);
    this.items = [];
    this.head = 0;
    return waiting;
  }
}
