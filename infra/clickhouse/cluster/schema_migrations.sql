-- The migration log itself, replicated to every node before any migration is recorded in it
-- (migrateCluster in infra/src/cluster-migrations.ts runs this first). Same columns as the table
-- migrate() creates on a single server.
CREATE TABLE IF NOT EXISTS schema_migrations ON CLUSTER '{cluster}'
(
    version    UInt32,
    name       String,
    checksum   String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/schema_migrations', '{replica}')
ORDER BY version;
