#!/usr/bin/env node
import { Command, Option } from 'commander';
import { isValidZone } from '../simulator/local-day';
import { KafkaSink } from '../simulator/sinks/kafka-sink';
import { parseBaseUrl, parseBrokers, parseMoment, parseSeed } from './arguments';
import { addImportCommands } from './import';
import { addOutputOptions, CHOOSE_OUTPUT, outputOf, type OutputOptions } from './output';
import { replayFile, type ReplayTarget } from './replay';
import { simulate } from './simulate';

const program = new Command('callboard').description(
  "Callboard command line: simulate a call centre, replay event files, import a PBX's logs",
);

addOutputOptions(
  program
    .command('simulate')
    .description('simulate the demo call centre; send its events to an NDJSON file, Kafka or a running api')
    .option('--from <moment>', 'start: Nd (local midnight N days ago), YYYY-MM-DD, an ISO date-time, or now (default with --live)')
    .option('--to <moment>', 'end (exclusive, never past now): now, Nd, YYYY-MM-DD or an ISO date-time', 'now')
    .option('--live', 'after the backfill, go on sending each event as its time comes, until Ctrl-C')
    .option('--seed <n>', 'random seed: the same seed gives the same events', parseSeed, 1)
    .option('--timezone <zone>', "the centre's IANA timezone", 'Asia/Shanghai'),
).action(async (options: SimulateOptions, command: Command) => {
  if (!isValidZone(options.timezone))
    command.error(`error: unknown timezone "${options.timezone}" (expected an IANA name such as Asia/Shanghai)`);
  const output = outputOf(options) ?? command.error(CHOOSE_OUTPUT);
  const now = Date.now();
  const [from, to] = moments(options, now, command);
  if (options.live && to < now) command.error('error: --live continues up to now; leave --to out (or --to now)');
  if (from >= to && !options.live) command.error('error: --from must be before --to');
  await simulate({ seed: options.seed, timezone: options.timezone, from, to, live: options.live ?? false, output, log: console.error });
});

program
  .command('replay')
  .description('send an NDJSON file of events (EVENTS.md) to Kafka or to a running api')
  .argument('<file>', 'NDJSON file, one event per line')
  .addOption(new Option('--kafka <brokers>', 'send to Kafka, e.g. localhost:9092').argParser(parseBrokers).conflicts('http'))
  .option('--topic <topic>', 'Kafka topic (with --kafka)', 'call-events')
  .addOption(
    new Option(
      '--http <url>',
      "send to a running api's POST /events, e.g. http://localhost:3000/api/v1 (token: CALLBOARD_TOKEN)",
    ).argParser(parseBaseUrl),
  )
  .action(async (file: string, options: { kafka?: string[]; topic: string; http?: string }, command: Command) => {
    if (!options.kafka && !options.http) command.error('error: choose where events go: --kafka <brokers> or --http <url>');
    const sink = options.kafka
      ? await KafkaSink.connect({ brokers: options.kafka, topic: options.topic, clientId: 'callboard-replay' })
      : undefined;
    const target: ReplayTarget = sink ? { kind: 'kafka', sink } : { kind: 'http', baseUrl: options.http! };
    try {
      const totals = await replayFile(file, target);
      console.error(`${totals.lines} lines sent: ${totals.accepted} accepted, ${totals.rejected.length} rejected`);
      for (const { line, reason } of totals.rejected.slice(0, 20)) console.error(`  line ${line}: ${reason}`);
      if (totals.rejected.length > 20) console.error(`  … and ${totals.rejected.length - 20} more`);
    } finally {
      await sink?.close();
    }
  });

addImportCommands(program);

interface SimulateOptions extends OutputOptions {
  from?: string;
  to: string;
  live?: boolean;
  seed: number;
  timezone: string;
}

function moments(options: SimulateOptions, now: number, command: Command): [number, number] {
  if (options.from === undefined && !options.live) command.error('error: --from is required (e.g. --from 30d), unless --live');
  try {
    return [parseMoment(options.from ?? 'now', options.timezone, now), parseMoment(options.to, options.timezone, now)];
  } catch (error) {
    return command.error(`error: ${(error as Error).message}`);
  }
}

program.parseAsync().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
