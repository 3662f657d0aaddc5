import type { EventSink } from '../../simulator/sinks/event-sink';
import { contactsToEvents, latestByContact } from './ctr-to-events';
import { readCtrFile } from './read-ctrs';

/** Events per `sink.send`: well under the api's per-request limit. */
const EVENTS_PER_SEND = 5_000;

export interface ConnectCtrImport {
  /** Valid records read, copies of one contact included. */
  records: number;
  /** Distinct `ContactId`s among them. */
  contacts: number;
  /** Events handed to the sink. */
  events: number;
  /** Lines that are not a valid contact record: reported and skipped. */
  problems: Array<{ line: number; message: string }>;
}

/**
 * `callboard import connect-ctr <file>`: Amazon Connect contact records (NDJSON, or a JSON array)
 * → call events, in time order, to the sink (left open). Each contact counts once, in its latest version.
 */
export async function importConnectCtrFile(path: string, sink: EventSink, options: { tenant?: string }): Promise<ConnectCtrImport> {
  const { records, problems } = await readCtrFile(path);
  const contacts = latestByContact(records);
  const events = contactsToEvents(contacts, { tenant: options.tenant })
    .flat()
    .sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  for (let start = 0; start < events.length; start += EVENTS_PER_SEND) await sink.send(events.slice(start, start + EVENTS_PER_SEND));
  return { records: records.length, contacts: contacts.length, events: events.length, problems };
}
