-- Access control (issue 7). Users and API tokens change rarely and are read through a short
-- cache, so ClickHouse holds them as ReplacingMergeTree rows: a change inserts a newer version
-- (read FINAL). Passwords are argon2id hashes; API tokens and refresh tokens are stored only as
-- SHA-256 of their random secret, so a database dump yields no usable credential.
CREATE TABLE IF NOT EXISTS users
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
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY user_id;

-- Long-lived bearer tokens for machines: event intake, and TVs (wallboard, limited to queues).
CREATE TABLE IF NOT EXISTS api_tokens
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
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY token_id;

-- A signed-in session: its current refresh token (rotated on every use). Presenting a spent
-- refresh token means it leaked, so the whole session is revoked.
CREATE TABLE IF NOT EXISTS sessions
(
    session_id    String,
    user_id       String,
    refresh_hash  String,
    expires_at    DateTime64(3, 'UTC'),
    revoked_at    Nullable(DateTime64(3, 'UTC')),
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY session_id
TTL toDateTime(expires_at) + INTERVAL 1 DAY;

-- Who signed in (or failed to), created or revoked tokens and users, changed settings.
CREATE TABLE IF NOT EXISTS audit_log
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
ENGINE = MergeTree
ORDER BY (tenant, at);
