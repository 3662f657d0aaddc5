-- Threshold alerts of the live feed: a queue figure crossed into another green / amber / red
-- band. Kept so that GET /alerts survives restarts, and so that a restarted api knows each
-- figure's last band and does not alert twice for one crossing. Each api instance records the
-- crossings it saw (`instance`); readers collapse copies of one crossing.
CREATE TABLE IF NOT EXISTS alerts
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
ENGINE = MergeTree
ORDER BY (tenant, at, queue, metric)
TTL toDateTime(at) + INTERVAL 90 DAY;
