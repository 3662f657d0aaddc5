/** Where the live state hears of events: the embedded pipeline or the events topic (live-sources.ts). */
export const LIVE_EVENT_SOURCE = Symbol('LiveEventSource');
