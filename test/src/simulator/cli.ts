import { TEST_BOOTSTRAP_TOKEN } from '../helpers/test-token';
import { exitOf, runFromSource } from '../helpers/processes';

/** Runs `callboard <args>` from source and waits for it to exit. */
export async function runCallboard(args: string[]): Promise<{ code: number | null; output: string }> {
  // The test api's bootstrap token: --http needs a bearer token (CALLBOARD_TOKEN).
  const child = runFromSource('ingest/src/cli/main.ts', { CALLBOARD_TOKEN: TEST_BOOTSTRAP_TOKEN }, args);
  const code = await exitOf(child);
  return { code, output: child.output() };
}
