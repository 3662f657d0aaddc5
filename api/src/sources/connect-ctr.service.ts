import { Inject, Injectable } from '@nestjs/common';
import { contactsToEvents, latestByContact, type ContactTraceRecord, type CtrParse } from '@callboard/ingest';
import { EVENT_INTAKE, type EventIntake } from '../intake/event-intake';

export interface ConnectCtrResult {
  records: number;
  contacts: number;
  accepted: number;
  rejected: Array<{ index: number; reason: string }>;
}

/** Amazon Connect contact records → call events (ingest's adapter) → the same intake as POST /events. */
@Injectable()
export class ConnectCtrService {
  constructor(@Inject(EVENT_INTAKE) private readonly intake: EventIntake) {}

  /** `parsed[i]` is the body's record i; a rejected event is named by the index of the record it came from. */
  async import(parsed: readonly CtrParse[], tenant: string): Promise<ConnectCtrResult> {
    const rejected: ConnectCtrResult['rejected'] = [];
    const indexes = new Map<ContactTraceRecord, number>();
    parsed.forEach((result, index) => {
      if (result.ok) indexes.set(result.record, index);
      else rejected.push({ index, reason: result.message });
    });
    const contacts = latestByContact([...indexes.keys()]);
    const mapped = contactsToEvents(contacts, { tenant }).flatMap((events, contact) =>
      events.map((event) => ({ event, index: indexes.get(contacts[contact]!)! })),
    );
    const result = await this.intake.submit(mapped.map(({ event }) => JSON.stringify(event)));
    for (const { index, reason } of result.rejected) {
      const { event, index: recordIndex } = mapped[index]!;
      rejected.push({ index: recordIndex, reason: `event ${event.eventId}: ${reason}` });
    }
    return { records: indexes.size, contacts: contacts.length, accepted: result.accepted, rejected };
  }
}
