import type { Command } from 'commander';
import { importConnectCtrFile } from '../adapters/connect/import-file';
import { importQueueLog } from '../adapters/asterisk/import-queue-log';
import type { EventSink } from '../simulator/sinks/event-sink';
import { addOutputOptions, CHOOSE_OUTPUT, openSink, outputOf, rejectedByApi, type OutputOptions } from './output';

interface ImportOptions extends OutputOptions {
  tenant?: string;
}

const PROBLEMS_SHOWN = 20;

/** `callboard import queue_log | connect-ctr`: a PBX's or contact centre's own logs → call events. */
export function addImportCommands(program: Command): void {
  const group = program.command('import').description("turn a PBX's or contact centre's own logs into call events");

  addOutputOptions(
    group
      .command('queue_log')
      .description('read an Asterisk / FreePBX queue_log (once, or following it as it grows, across rotations)')
      .argument('<file>', 'the queue_log, e.g. /var/log/asterisk/queue_log')
      .option('--follow', 'keep reading as Asterisk appends, across log rotations, until Ctrl-C')
      .option('--tenant <tenant>', 'the call centre / site the events belong to'),
  ).action(async (file: string, options: ImportOptions & { follow?: boolean }, command: Command) => {
    await withSink(options, command, async (sink) => {
      const stop = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
      if (options.follow) console.error(`following ${file}; Ctrl-C stops`);
      const totals = await importQueueLog(file, sink, {
        follow: options.follow ?? false,
        tenant: options.tenant,
        signal: stop.signal,
        // Following, a skipped line is said when it is met; read once, they are listed at the end.
        onProblem: options.follow ? ({ line, message }) => console.error(`  line ${line}: ${message}`) : undefined,
      });
      console.error(`${totals.lines} lines read: ${totals.events} events sent, ${totals.problems.length} lines skipped`);
      if (!options.follow) listProblems(totals.problems);
    });
  });

  addOutputOptions(
    group
      .command('connect-ctr')
      .description('read Amazon Connect contact trace records (NDJSON or a JSON array)')
      .argument('<file>', 'contact trace records, one JSON record per line')
      .option('--tenant <tenant>', 'the call centre / site the events belong to'),
  ).action(async (file: string, options: ImportOptions, command: Command) => {
    await withSink(options, command, async (sink) => {
      const totals = await importConnectCtrFile(file, sink, { tenant: options.tenant });
      console.error(
        `${totals.records} records of ${totals.contacts} contacts: ${totals.events} events sent, ${totals.problems.length} lines skipped`,
      );
      listProblems(totals.problems);
    });
  });
}

async function withSink(options: ImportOptions, command: Command, work: (sink: EventSink) => Promise<void>): Promise<void> {
  const output = outputOf(options) ?? command.error(CHOOSE_OUTPUT);
  const sink = await openSink(output, 'callboard-import');
  try {
    await work(sink);
  } finally {
    await sink.close();
  }
  const rejected = rejectedByApi(sink, 'imported events');
  if (rejected) throw rejected;
}

function listProblems(problems: ReadonlyArray<{ line: number; message: string }>): void {
  for (const { line, message } of problems.slice(0, PROBLEMS_SHOWN)) console.error(`  line ${line}: ${message}`);
  if (problems.length > PROBLEMS_SHOWN) console.error(`  … and ${problems.length - PROBLEMS_SHOWN} more`);
}
