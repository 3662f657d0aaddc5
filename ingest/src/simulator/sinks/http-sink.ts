import type { CallEventInput } from '../../contract';
import type { EventSink } from './event-sink';

/** Lines per request: well under the api's 50,000-event limit and its body size limit. */
export const MAX_LINES_PER_REQUEST = 10_000;

export interface HttpTotals {
  accepted: number;
  rejected: Array<{ index: number; reason: string }>;
}

/** The bearer token for the api: an intake API token (or the bootstrap token), from CALLBOARD_TOKEN. */
export function apiTokenFromEnv(): string | undefined {
  return process.env['CALLBOARD_TOKEN'] || undefined;
}

/** Sends events to a running api's `POST /events` as NDJSON; `totals` counts what it answered. */
export class HttpSink implements EventSink {
  readonly totals: HttpTotals = { accepted: 0, rejected: [] };
  private sent = 0;

  /** `baseUrl` as `http://localhost:3000/api/v1`; `token` an intake API token. */
  constructor(
    private readonly baseUrl: string,
    private readonly token = apiTokenFromEnv(),
  ) {}

  async send(events: CallEventInput[]): Promise<void> {
    await this.sendLines(events.map((event) => JSON.stringify(event)));
  }

  /** NDJSON lines as they are, in requests of at most 10,000; rejected indexes count from the first line ever sent. */
  async sendLines(lines: readonly string[]): Promise<void> {
    for (let start = 0; start < lines.length; start += MAX_LINES_PER_REQUEST) {
      const chunk = lines.slice(start, start + MAX_LINES_PER_REQUEST);
      const answer = await postNdjson(this.baseUrl, chunk, this.token);
      this.totals.accepted += answer.accepted;
      this.totals.rejected.push(...answer.rejected.map(({ index, reason }) => ({ index: this.sent + index, reason })));
      this.sent += chunk.length;
    }
  }

  async close(): Promise<void> {}
}

/** One `POST /events` with NDJSON lines; throws unless the api answers 202. */
export async function postNdjson(baseUrl: string, lines: readonly string[], token = apiTokenFromEnv()): Promise<HttpTotals> {
  const url = `${baseUrl.replace(/\/+$/, '')}/events`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: lines.join('\n') + '\n',
  }).catch((error: Error) => {
    // fetch says only "fetch failed"; the cause (e.g. ECONNREFUSED) is what a reader needs.
    throw new Error(`POST ${url} failed: ${(error.cause as Error | undefined)?.message ?? error.message}`);
  });
  const text = await response.text();
  if (response.status !== 202) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as HttpTotals;
}
