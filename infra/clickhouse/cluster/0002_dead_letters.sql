-- Cluster variant of migrations/0002_dead_letters.sql. Dead letters are few, so the table is not
-- sharded: one replica on every node of the cluster (no {shard} in the Keeper path), read locally.
CREATE TABLE IF NOT EXISTS dead_letters ON CLUSTER '{cluster}'
(
    dead_letter_id String,
    received_at    DateTime64(3, 'UTC'),
    source         LowCardinality(String),
    topic          String,
    partition      Int32,
    offset         Int64,
    reason_code    LowCardinality(String),
    reason         String,
    event_id       String,
    type           String,
    raw            String,
    raw_size       UInt64,
    raw_sha256     String
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/dead_letters', '{replica}')
PARTITION BY toYYYYMM(received_at)
ORDER BY dead_letter_id
TTL toDateTime(received_at) + INTERVAL 180 DAY;
