import { groupItems } from './reference-events';
import type { CallFacts } from './reference-calls';
import type { QueueSettings } from './reference-metrics';

export interface FirstContact {
  kind: 'contact' | 'unmatched';
  decided: boolean;
  resolved: boolean;
}

const HOUR_MS = 3_600_000;

/** Each call with a final handling: a contact (decided or pending, resolved or not), or unmatched when anonymous. */
export function decideFirstContacts(
  calls: readonly CallFacts[],
  settingsFor: (queue: string) => QueueSettings,
  now: number,
): Map<string, FirstContact> {
  const callsOfCustomer = groupItems(calls, (call) => call.customer);
  const decisions = new Map<string, FirstContact>();
  for (const call of calls) {
    if (call.finalHandling === null) continue;
    if (call.customer === null) {
      decisions.set(call.callId, { kind: 'unmatched', decided: false, resolved: false });
      continue;
    }
    const settings = settingsFor(call.firstQueue);
    const windowEnd = call.firstOfferedAt + settings.fcrWindowHours * HOUR_MS;
    const repeated = (callsOfCustomer.get(call.customer) ?? []).some(
      (other) =>
        other.callId !== call.callId &&
        other.firstOfferedAt > call.firstOfferedAt &&
        other.firstOfferedAt <= windowEnd &&
        (!settings.fcrSameCategoryOnly || other.category === call.category),
    );
    const resolvedDisposition = call.finalHandling.disposition === 'resolved';
    const decided = repeated || !resolvedDisposition || now >= windowEnd;
    decisions.set(call.callId, { kind: 'contact', decided, resolved: decided && resolvedDisposition && !repeated });
  }
  return decisions;
}
