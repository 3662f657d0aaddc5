-- Cluster variant of migrations/0004_queue_settings.sql: a replica on every node.
CREATE TABLE IF NOT EXISTS queue_settings ON CLUSTER '{cluster}'
(
    tenant      LowCardinality(String),
    queue       String,
    settings    String,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/queue_settings', '{replica}', updated_at)
ORDER BY (tenant, queue);
