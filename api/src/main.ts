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
  console.log(`Callboard api on http://localhost:${config.port}/ (${mode}); OpenAPI at /api/docs`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
