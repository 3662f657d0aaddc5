import type { CallEventInput } from '../../contract';
import type { InProcessSource } from '../../sources/in-process-source';
import type { EventSink } from './event-sink';

/** Embedded mode: hands events to the in-process pipeline and waits until they are stored (back-pressure). */
export class InProcessSink implements EventSink {
  constructor(private readonly source: InProcessSource) {}

  async send(events: CallEventInput[]): Promise<void> {
    const submission = await this.source.submit(events, 'simulator');
    await submission.stored;
    // A rejected simulated event is a simulator bug: it is dead-lettered, and said out loud here.
    const [first] = submission.rejected;
    if (first) throw new Error(`${submission.rejected.length} simulated events rejected, e.g. #${first.index}: ${first.reason}`);
  }

  async close(): Promise<void> {}
}
