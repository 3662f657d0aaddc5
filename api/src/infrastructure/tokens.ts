/** Injection tokens for the few providers that are not classes. */
export const CLICKHOUSE = Symbol('ClickHouseClient');
export const API_CONFIG = Symbol('ApiConfig');
/** `() => epoch ms`: "now" for FCR windows, "today" and open agent states; tests pin it. */
export const CLOCK = Symbol('Clock');
export type Clock = () => number;
/** The embedded pipeline's in-process source (absent with Kafka): the demo simulation feeds it. */
export const IN_PROCESS_SOURCE = Symbol('InProcessSource');
/** Set in Kafka mode: `() => Promise<void>` that resolves once a broker answers (for /ready). */
export const KAFKA_REACHABLE = Symbol('KafkaReachable');
