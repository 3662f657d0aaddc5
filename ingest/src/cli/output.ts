import { Option, type Command } from 'commander';
import type { EventSink } from '../simulator/sinks/event-sink';
import { HttpSink } from '../simulator/sinks/http-sink';
import { KafkaSink } from '../simulator/sinks/kafka-sink';
import { NdjsonSink } from '../simulator/sinks/ndjson-sink';
import { parseBaseUrl, parseBrokers } from './arguments';

/** Where a command's events go: the shared `--ndjson | --kafka [--topic] | --http` choice. */
export type Output =
  { kind: 'ndjson'; path: string } | { kind: 'kafka'; brokers: string[]; topic: string } | { kind: 'http'; baseUrl: string };

export interface OutputOptions {
  ndjson?: string;
  kafka?: string[];
  topic: string;
  http?: string;
}

export const CHOOSE_OUTPUT = 'error: choose where events go: --ndjson <file>, --kafka <brokers> or --http <url>';

export function addOutputOptions(command: Command): Command {
  return command
    .addOption(new Option('--ndjson <file>', 'write events to an NDJSON file (- for stdout)').conflicts(['kafka', 'http']))
    .addOption(new Option('--kafka <brokers>', 'send to Kafka, e.g. localhost:9092').argParser(parseBrokers).conflicts('http'))
    .option('--topic <topic>', 'Kafka topic (with --kafka)', 'call-events')
    .addOption(
      new Option(
        '--http <url>',
        "send to a running api's POST /events, e.g. http://localhost:3000/api/v1 (token: CALLBOARD_TOKEN)",
      ).argParser(parseBaseUrl),
    );
}

export function outputOf(options: OutputOptions): Output | undefined {
  if (options.ndjson !== undefined) return { kind: 'ndjson', path: options.ndjson };
  if (options.kafka) return { kind: 'kafka', brokers: options.kafka, topic: options.topic };
  if (options.http) return { kind: 'http', baseUrl: options.http };
  return undefined;
}

export async function openSink(output: Output, clientId?: string): Promise<EventSink> {
  switch (output.kind) {
    case 'ndjson':
      return new NdjsonSink(output.path === '-' ? process.stdout : output.path);
    case 'kafka':
      return KafkaSink.connect({ brokers: output.brokers, topic: output.topic, clientId });
    case 'http':
      return new HttpSink(output.baseUrl);
  }
}

/** The api answers 202 even when it rejects some events: say so, as an error. */
export function rejectedByApi(sink: EventSink, what: string): Error | undefined {
  if (!(sink instanceof HttpSink) || sink.totals.rejected.length === 0) return undefined;
  return new Error(`the api rejected ${sink.totals.rejected.length} ${what}, e.g. ${sink.totals.rejected[0]!.reason}`);
}
