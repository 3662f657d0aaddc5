-- Cluster variant of migrations/0005_alerts.sql: a replica on every node.
CREATE TABLE IF NOT EXISTS alerts ON CLUSTER '{cluster}'
(
    tenant          LowCardinality(String),
    at              DateTime64(3, 'UTC'),
    alert_id        String,
    queue           String,
    metric          LowCardinality(String),
    window          LowCardinality(String),
    level           LowCardinality(String),
    previous_level  LowCardinality(String),
    value           Float64,
    amber           Float64,
    red             Float64,
    instance        String
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/alerts', '{replica}')
ORDER BY (tenant, at, queue, metric)
TTL toDateTime(at) + INTERVAL 90 DAY;
