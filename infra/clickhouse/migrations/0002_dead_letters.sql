-- Events that failed validation (EVENTS.md "Validation"), with why and where they came from.
-- A Kafka message that is re-delivered keeps its dead_letter_id (topic:partition:offset), so
-- ReplacingMergeTree collapses the copies; messages from other sources get a fresh UUID.
-- raw holds the message bytes (customerId redacted to its hash), cut at 1 MiB; raw_size is
-- the full length and raw_sha256 the digest of the full, unredacted bytes.
CREATE TABLE IF NOT EXISTS dead_letters
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
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY dead_letter_id
TTL toDateTime(received_at) + INTERVAL 180 DAY;
