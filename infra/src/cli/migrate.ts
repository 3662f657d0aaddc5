import { clickHouseTargetFromEnv } from '../target-from-env';
import { openClickHouse } from '../clickhouse';
import { migrate } from '../migrations';
import { migrateCluster } from '../cluster-migrations';

/** `migrate` applies the single-server schema; `migrate --cluster` the replicated one (infra/README.md). */
async function main(): Promise<void> {
  const cluster = process.argv.slice(2).includes('--cluster');
  const target = clickHouseTargetFromEnv(process.env);
  if (cluster && target.kind !== 'server') {
    throw new Error('--cluster needs a ClickHouse server: set CLICKHOUSE_URL to a node of the cluster');
  }
  const client = await openClickHouse(target);
  try {
    const applied = cluster ? await migrateCluster(client) : await migrate(client);
    const names = applied.map((migration) => `${migration.version}_${migration.name}`);
    console.log(applied.length ? `applied ${names.join(', ')}` : 'schema is up to date');
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
