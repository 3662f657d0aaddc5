-- Cluster variant of migrations/0003_instance_secrets.sql: a replica on every node, so every
-- instance, whichever node it talks to, reads the same generated PII hash key.
CREATE TABLE IF NOT EXISTS instance_secrets ON CLUSTER '{cluster}'
(
    name       LowCardinality(String),
    value      String,
    created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/instance_secrets', '{replica}')
ORDER BY (name, created_at, value);
