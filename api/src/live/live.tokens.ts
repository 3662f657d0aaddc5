/** Where the live state hears of events: the embedded pipeline or the events topic (live-sources.ts). */
export const LIVE_EVENT_SOURCE = Symbol('LiveEventSource');
/** How far ClickHouse is behind the events offered (live/ingest-lag.ts). */
export const INGEST_LAG = Symbol('IngestLag');
