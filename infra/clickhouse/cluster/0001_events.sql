-- Cluster variant of migrations/0001_events.sql (infra/README.md "ClickHouse cluster").
--
-- events_local holds each shard's rows, replicated within the shard through Keeper; `events`
-- is the Distributed table over it, under the name every query and insert already uses.
--
-- Sharding key: the event's own (tenant, callId), or (tenant, agentId) for agent events that
-- carry no callId — the same key Kafka partitions by. Two reasons it must be this and not rand():
-- every copy of one eventId lands on the same shard, so FINAL (applied shard by shard) still
-- collapses re-deliveries exactly; and all events of one call sit on one shard, which the
-- call-level queries need: they join a call's offers, outcomes and handling events to each
-- other, and with co-located calls that per-call work can run on the shards
-- (optimize_distributed_group_by_sharding_key, distributed_product_mode = 'local') instead of
-- shipping every scanned event to the node that received the query.
CREATE TABLE IF NOT EXISTS events_local ON CLUSTER '{cluster}'
(
    tenant        LowCardinality(String),
    event_id      String,
    type          LowCardinality(String),
    ts            DateTime64(3, 'UTC'),
    call_id       String,
    queue         LowCardinality(String),
    agent_id      String,
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
    extra         String,
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_call_id call_id TYPE bloom_filter(0.001) GRANULARITY 4,
    INDEX idx_agent_id agent_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_customer_hash customer_hash TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/events_local', '{replica}')
PARTITION BY toYYYYMM(ts)
ORDER BY (tenant, toStartOfHour(ts), queue, call_id, event_id);

CREATE TABLE IF NOT EXISTS events ON CLUSTER '{cluster}'
(
    tenant        LowCardinality(String),
    event_id      String,
    type          LowCardinality(String),
    ts            DateTime64(3, 'UTC'),
    call_id       String,
    queue         LowCardinality(String),
    agent_id      String,
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
    extra         String,
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = Distributed('{cluster}', currentDatabase(), events_local, cityHash64(tenant, if(call_id = '', agent_id, call_id)));
