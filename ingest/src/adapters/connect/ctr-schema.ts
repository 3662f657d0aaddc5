import { z } from 'zod';
import { parseRfc3339 } from '../../contract/timestamp';

// The fields of AWS's contact record data model the mapping reads ("Data model for Amazon
// Connect contact records"). looseObject: AWS adds fields over time and asks consumers to ignore
// them. AWS writes `null` for "not given" throughout, so every optional field is nullish.

/** `yyyy-mm-ddThh:mm:ssZ` (AWS), with or without fractional seconds; any RFC 3339 offset is accepted too. */
const timestamp = z.string().refine((text) => parseRfc3339(text) !== undefined, {
  error: (issue) => `not a timestamp: ${JSON.stringify(String(issue.input).slice(0, 40))}`,
});
const seconds = z.number().int().min(0);
const text = z.string().min(1);

const endpoint = z.looseObject({ Address: text.nullish(), Type: z.string().nullish() });

const queue = z.looseObject({
  Name: z.string().nullish(),
  ARN: z.string().nullish(),
  EnqueueTimestamp: timestamp.nullish(),
  DequeueTimestamp: timestamp.nullish(),
  Duration: seconds.nullish(),
});

const agent = z.looseObject({
  Username: text.nullish(),
  ARN: z.string().nullish(),
  ConnectedToAgentTimestamp: timestamp.nullish(),
  AfterContactWorkStartTimestamp: timestamp.nullish(),
  AfterContactWorkEndTimestamp: timestamp.nullish(),
  AfterContactWorkDuration: seconds.nullish(),
  CustomerHoldDuration: seconds.nullish(),
  NumberOfHolds: seconds.nullish(),
  LongestHoldDuration: seconds.nullish(),
  AgentInteractionDuration: seconds.nullish(),
});

export const contactTraceRecordSchema = z
  .looseObject({
    ContactId: z
      .string({ error: (issue) => (issue.input == null ? 'required' : 'must be a string') })
      .min(1)
      .max(256),
    InitialContactId: z.string().min(1).max(256).nullish(),
    PreviousContactId: z.string().nullish(),
    NextContactId: z.string().nullish(),
    Channel: z.string().nullish(),
    InitiationMethod: z.string().nullish(),
    InitiationTimestamp: timestamp.nullish(),
    DisconnectTimestamp: timestamp.nullish(),
    LastUpdateTimestamp: timestamp.nullish(),
    DisconnectReason: z.string().nullish(),
    CustomerEndpoint: endpoint.nullish(),
    Queue: queue.nullish(),
    Agent: agent.nullish(),
    TransferCompletedTimestamp: timestamp.nullish(),
    TransferredToEndpoint: endpoint.nullish(),
    Attributes: z.record(z.string(), z.unknown()).nullish(),
  })
  .superRefine((record, ctx) => {
    const at = (value: string | null | undefined) => (value ? parseRfc3339(value) : undefined);
    const { Queue: q, Agent: a } = record;
    const order: Array<[string, number | undefined, string, number | undefined]> = [
      ['Queue.EnqueueTimestamp', at(q?.EnqueueTimestamp), 'Queue.DequeueTimestamp', at(q?.DequeueTimestamp)],
      ['Queue.EnqueueTimestamp', at(q?.EnqueueTimestamp), 'Agent.ConnectedToAgentTimestamp', at(a?.ConnectedToAgentTimestamp)],
      [
        'Agent.ConnectedToAgentTimestamp',
        at(a?.ConnectedToAgentTimestamp),
        'Agent.AfterContactWorkStartTimestamp',
        at(a?.AfterContactWorkStartTimestamp),
      ],
      [
        'Agent.AfterContactWorkStartTimestamp',
        at(a?.AfterContactWorkStartTimestamp),
        'Agent.AfterContactWorkEndTimestamp',
        at(a?.AfterContactWorkEndTimestamp),
      ],
      ['Agent.ConnectedToAgentTimestamp', at(a?.ConnectedToAgentTimestamp), 'DisconnectTimestamp', at(record.DisconnectTimestamp)],
      ['DisconnectTimestamp', at(record.DisconnectTimestamp), 'Agent.AfterContactWorkEndTimestamp', at(a?.AfterContactWorkEndTimestamp)],
    ];
    for (const [earlierName, earlier, laterName, later] of order) {
      if (earlier !== undefined && later !== undefined && later < earlier) {
        ctx.addIssue({ code: 'custom', message: `${laterName} is before ${earlierName}` });
      }
    }
    if (a?.ConnectedToAgentTimestamp && !a.Username && !a.ARN) {
      ctx.addIssue({ code: 'custom', message: 'Agent.ConnectedToAgentTimestamp without Agent.Username or Agent.ARN' });
    }
  });

/** One Amazon Connect contact record (CTR), as AWS writes it, checked: the timestamps parse and run in order. */
export type ContactTraceRecord = z.output<typeof contactTraceRecordSchema>;

export type CtrParse = { ok: true; record: ContactTraceRecord } | { ok: false; message: string };

/** Checks one decoded JSON value against the data model; the message names every field at fault. */
export function parseCtr(value: unknown): CtrParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'not a JSON object' };
  const result = contactTraceRecordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  const message = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, message };
}

/** Epoch milliseconds of a timestamp the schema accepted; undefined when absent. */
export function millis(value: string | null | undefined): number | undefined {
  return value ? parseRfc3339(value) : undefined;
}
