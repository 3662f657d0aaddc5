export { openClickHouse, quoteIdentifier, type ClickHouseClient, type ClickHouseSettings, type ClickHouseTarget } from './clickhouse';
export { loadMigrations, migrate, MIGRATIONS_DIR, type Migration } from './migrations';
export { CLUSTER_MIGRATIONS_DIR, loadClusterMigrations, migrateCluster } from './cluster-migrations';
export { clickHouseTargetFromEnv, emptyAsUnset } from './target-from-env';
export { resolveInstanceSecret } from './instance-secrets';
