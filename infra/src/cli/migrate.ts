import { clickHouseTargetFromEnv } from '../target-from-env';
import { openClickHouse } from '../clickhouse';
import { migrate } from '../migrations';

async function main(): Promise<void> {
  const client = await openClickHouse(clickHouseTargetFromEnv(process.env));
  try {
    const applied = await migrate(client);
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
