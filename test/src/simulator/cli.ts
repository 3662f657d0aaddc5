import { exitOf, runFromSource } from '../helpers/processes';

/** Runs `callboard <args>` from source and waits for it to exit. */
export async function runCallboard(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = runFromSource('ingest/src/cli/main.ts', {}, args);
  const code = await exitOf(child);
  return { code, output: child.output() };
}
