import { decodeEvent, validateEvent, type CallEventInput, type Validation } from '../contract';
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
type Source = 'http' | 'simulator';

export class InProcessSource {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly clock: () => number = Date.now,
  ) {}

  async submit(values: ReadonlyArray<unknown | CallEventInput>, source: Source = 'http'): Promise<Submission> {
    const now = this.clock();
    return this.enqueue(
      values.map((value) => ({ validation: validateEvent(value, now), raw: safeStringify(value) })),
      source,
    );
  }

  /** Raw JSON texts (e.g. NDJSON lines): one that does not parse is dead-lettered as invalid_json. */
  async submitRaw(texts: readonly string[], source: Source = 'http'): Promise<Submission> {
    const now = this.clock();
    return this.enqueue(
      texts.map((raw) => ({ validation: decodeEvent(raw, now), raw })),
      source,
    );
  }

  private async enqueue(decoded: Array<{ validation: Validation; raw: string }>, source: Source): Promise<Submission> {
    const inputs = decoded.map((input) => ({ ...input, origin: { source } }));
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
