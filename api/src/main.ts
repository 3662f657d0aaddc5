import { loadApiConfig } from './config/api-config';
import { createApiApp } from './app';
import { DemoAccess } from './demo/demo-access';

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
  const simulated = config.simulator ? `; simulated centre: ${config.simulator.days} days of history, then live` : '';
  console.log(`Callboard on http://localhost:${config.port}/ (${mode}${simulated})`);
  console.log(`  OpenAPI: http://localhost:${config.port}/api/docs`);
  const demo = api.app.get(DemoAccess);
  if (demo.credentials) {
    const { usernames, password, wallboardToken } = demo.credentials;
    console.log(`  wallboard (TV link, no sign-in): http://localhost:${config.port}/wallboard?kiosk=1&token=${wallboardToken}`);
    console.log(`  sign in: http://localhost:${config.port}/login as ${usernames.join(' / ')}, password ${password}`);
    console.log(`  (kept in ${demo.credentialsFile})`);
  } else if (config.simulator) {
    console.log(`  sign in: http://localhost:${config.port}/login (demo accounts were created earlier; ${demo.credentialsFile} is gone)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
