// Counts the deduplicated events in a chdb data directory, from a process of its own: chdb binds
// one data directory per process, so a test cannot open a directory another process used.
import { openClickHouse } from '@callboard/infra';

async function main(): Promise<void> {
  const [path, database = 'callboard'] = process.argv.slice(2);
  const client = await openClickHouse({ kind: 'embedded', path: path!, database });
  const result = await client.query({ query: 'SELECT count() AS n FROM events FINAL', format: 'JSONEachRow' });
  const [row] = await result.json<{ n: string }>();
  console.log(JSON.stringify({ events: Number(row?.n) }));
  await client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
