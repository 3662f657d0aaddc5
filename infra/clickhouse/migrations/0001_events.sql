-- Raw call and agent events (EVENTS.md), one row per eventId once merged.
--
-- Deduplication: Kafka delivers at least once, so one eventId may be inserted many times.
-- A re-send is the same event, so every column in the sorting key (all derived from the
-- event itself, ending in event_id) is equal across copies and ReplacingMergeTree collapses
-- them on merge. Readers that need exact counts before a merge has happened read with FINAL
-- (or GROUP BY event_id). Arrival order never matters: each row carries its own `ts`, and
-- every metric is computed from `ts`, never from when a row arrived.
--
-- Layout: monthly partitions on the event's own time, and a sorting key that leads with
-- tenant and hour so that time-range scans read only the hours asked for, then queue so a
-- queue filter skips granules within each hour. call_id, agent_id and customer_hash have
-- bloom-filter indexes for drill-down, agent views and first-contact-resolution repeats.
CREATE TABLE IF NOT EXISTS events
(
    tenant        LowCardinality(String),
    event_id      String,
    type          LowCardinality(String),
    ts            DateTime64(3, 'UTC'),
    call_id       String,
    queue         LowCardinality(String),
    agent_id      String,
    -- HMAC-SHA256(PII_HASH_KEY, customerId) in hex; '' for an anonymous caller. Never the raw value.
    customer_hash String,
    category      LowCardinality(String),
    channel       LowCardinality(String),
    reason        LowCardinality(String),
    to_queue      LowCardinality(String),
    ended_by      LowCardinality(String),
    wrapup        Nullable(Bool),
    disposition   LowCardinality(String),
    score         Nullable(UInt8),
    resolved      Nullable(Bool),
    state         LowCardinality(String),
    team          LowCardinality(String),
    -- Fields this version does not know, as a JSON object: kept for forward compatibility.
    extra         String,
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_call_id call_id TYPE bloom_filter(0.001) GRANULARITY 4,
    INDEX idx_agent_id agent_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_customer_hash customer_hash TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (tenant, toStartOfHour(ts), queue, call_id, event_id);
