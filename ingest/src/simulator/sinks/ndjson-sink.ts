import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CallEventInput } from '../../contract';
import type { EventSink } from './event-sink';

/** One JSON event per line, to a file (or any writable stream, e.g. stdout). */
export class NdjsonSink implements EventSink {
  private readonly stream: Writable;
  private readonly ownsStream: boolean;

  constructor(target: string | Writable) {
    this.ownsStream = typeof target === 'string';
    this.stream = typeof target === 'string' ? createWriteStream(target) : target;
  }

  async send(events: CallEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const text = events.map((event) => JSON.stringify(event)).join('\n') + '\n';
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.ownsStream) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
