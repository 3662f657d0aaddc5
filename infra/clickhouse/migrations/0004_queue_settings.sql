-- Per-queue settings of METRICS.md (service-level target, short-abandon limit, FCR window,
-- thresholds, …). queue '' holds the defaults every queue inherits, and the centre's timezone.
-- Each row is a JSON object of only the settings given for that queue, so a queue that never
-- overrode a setting follows the default as it changes. The newest row per queue wins (read FINAL).
CREATE TABLE IF NOT EXISTS queue_settings
(
    tenant      LowCardinality(String),
    queue       String,
    settings    String,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (tenant, queue);
