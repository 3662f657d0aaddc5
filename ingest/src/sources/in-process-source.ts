import { validateEvent, type CallEventInput } from '../contract';
import type { IngestPipeline } from '../pipeline/pipeline';

export interface Submission {
  accepted: number;
  rejected: Array<{ index: number; reason: string }>;
  /** Settles when every submitted record (valid or dead-lettered) is written. */
  stored: Promise<void>;
}

/**
 * The embedded-mode source (DESIGN.md "Modes"): POST /events and the simulator hand parsed
 * events to the same pipeline the Kafka source feeds.
 */
export class InProcessSource {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly clock: () => number = Date.now,
  ) {}

  async submit(values: ReadonlyArray<unknown | CallEventInput>, source: 'http' | 'simulator' = 'http'): Promise<Submission> {
    const now = this.clock();
    const inputs = values.map((value) => ({
      validation: validateEvent(value, now),
      raw: safeStringify(value),
      origin: { source },
    }));
    const rejected = inputs.flatMap((input, index) => (input.validation.ok ? [] : [{ index, reason: input.validation.rejection.reason }]));
    const ticket = await this.pipeline.enqueue(inputs);
    return { accepted: inputs.length - rejected.length, rejected, stored: ticket?.stored ?? Promise.resolve() };
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
