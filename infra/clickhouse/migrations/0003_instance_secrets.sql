-- Secrets generated on first start and shared by every instance through the database,
-- e.g. the PII hash key when PII_HASH_KEY is not set. When two instances start at once and
-- both generate one, the earliest row wins (argMin over created_at, then value), so all agree.
CREATE TABLE IF NOT EXISTS instance_secrets
(
    name       LowCardinality(String),
    value      String,
    created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (name, created_at, value);
