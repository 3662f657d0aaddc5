-- Cluster variant of migrations/0006_access.sql: small tables, a replica on every node.
CREATE TABLE IF NOT EXISTS users ON CLUSTER '{cluster}'
(
    user_id        String,
    username       String,
    display_name   String,
    password_hash  String,
    role           LowCardinality(String),
    tenant         LowCardinality(String),
    queues         Array(String),
    teams          Array(String),
    disabled       Bool,
    created_at     DateTime64(3, 'UTC'),
    updated_at     DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/users', '{replica}', updated_at)
ORDER BY user_id;

CREATE TABLE IF NOT EXISTS api_tokens ON CLUSTER '{cluster}'
(
    token_id      String,
    name          String,
    role          LowCardinality(String),
    tenant        LowCardinality(String),
    queues        Array(String),
    secret_hash   String,
    created_by    String,
    created_at    DateTime64(3, 'UTC'),
    revoked_at    Nullable(DateTime64(3, 'UTC')),
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/api_tokens', '{replica}', updated_at)
ORDER BY token_id;

CREATE TABLE IF NOT EXISTS sessions ON CLUSTER '{cluster}'
(
    session_id    String,
    user_id       String,
    refresh_hash  String,
    expires_at    DateTime64(3, 'UTC'),
    revoked_at    Nullable(DateTime64(3, 'UTC')),
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/sessions', '{replica}', updated_at)
ORDER BY session_id
TTL toDateTime(expires_at) + INTERVAL 1 DAY;

CREATE TABLE IF NOT EXISTS audit_log ON CLUSTER '{cluster}'
(
    at        DateTime64(3, 'UTC'),
    tenant    LowCardinality(String),
    actor     String,
    action    LowCardinality(String),
    target    String,
    outcome   LowCardinality(String),
    ip        String,
    details   String
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/audit_log', '{replica}')
ORDER BY (tenant, at);
