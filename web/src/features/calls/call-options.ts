// The values the API's filters and fields take (api/src/calls/calls.sql.ts, EVENTS.md), in display order.
export const LEG_OUTCOMES = ['answered', 'abandoned', 'short_abandoned', 'flowed_out', 'waiting', 'transferred'] as const;
export const FCR_STATUSES = ['resolved', 'not_resolved', 'pending', 'unmatched'] as const;
export const CATEGORIES = ['emergency', 'complaint', 'inquiry', 'consultation', 'fault', 'order', 'cancellation'] as const;

export const splitList = (text: string) =>
  text
    .split(/[,，]/)
    .map((item) => item.trim())
    .filter(Boolean);
