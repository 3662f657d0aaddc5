import { loadApiConfig } from './config/api-config';
import { createApiApp } from './app';

async function main(): Promise<void> {
  const config = loadApiConfig(process.env);
  const api = await createApiApp(config);
  await api.app.listen(config.port);
  const mode = config.clickHouse.kind === 'embedded' ? `embedded ClickHouse at ${config.clickHouse.path}` : 'ClickHouse server';
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      api.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  const demo = config.simulator ? `; simulated centre: ${config.simulator.days} days of history, then live` : '';
  console.log(`Callboard on http://localhost:${config.port}/ (${mode}${demo})`);
  console.log(`  live figures: http://localhost:${config.port}/api/v1/live · OpenAPI: http://localhost:${config.port}/api/docs`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
