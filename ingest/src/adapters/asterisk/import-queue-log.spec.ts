import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallEventInput } from '../../contract';
import type { EventSink } from '../../simulator/sinks/event-sink';
import { importQueueLog } from './import-queue-log';

const T0 = 1_794_272_400;
const enter = (second: number, callId: string) => `${T0 + second}|${callId}|support|NONE|ENTERQUEUE||+86138000000${second}|1\n`;

class ArraySink implements EventSink {
  readonly events: CallEventInput[] = [];
  sends = 0;
  async send(events: CallEventInput[]): Promise<void> {
    this.sends++;
    this.events.push(...events);
  }
  async close(): Promise<void> {}
  get callIds(): string[] {
    return this.events.map((event) => (event as { callId: string }).callId);
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('importQueueLog', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'queue-log-'));
    file = join(folder, 'queue_log');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a file once: its last line needs no newline; problems are reported, not fatal; a re-import sends the same events', async () => {
    writeFileSync(file, `${enter(1, 'c-1')}garbage\n\n${enter(2, 'c-2').trimEnd()}`);
    const heard: Array<{ line: number; message: string }> = [];
    const sink = new ArraySink();
    const totals = await importQueueLog(file, sink, { onProblem: (problem) => heard.push(problem) });
    const problems = [{ line: 2, message: 'expected epoch|callid|queuename|agent|EVENT|data…, found 1 field(s)' }];
    expect(totals).toEqual({ lines: 4, events: 2, problems });
    expect(heard).toEqual(problems);
    expect(sink.callIds).toEqual(['c-1', 'c-2']);

    const again = new ArraySink();
    await importQueueLog(file, again, {});
    expect(again.events).toEqual(sink.events);
  });

  it('follows a growing file, keeps a partial last line until its newline, and stops when aborted', async () => {
    writeFileSync(file, enter(1, 'c-1'));
    const sink = new ArraySink();
    const stop = new AbortController();
    const run = importQueueLog(file, sink, { follow: true, pollMs: 10, signal: stop.signal, tenant: 't1' });
    await until(() => sink.events.length === 1, 'the first line');

    const line = enter(2, 'c-2');
    appendFileSync(file, line.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sink.events).toHaveLength(1);
    appendFileSync(file, line.slice(20));
    await until(() => sink.events.length === 2, 'the completed line');

    appendFileSync(file, enter(3, 'c-3') + enter(4, 'c-4').slice(0, 10));
    await until(() => sink.events.length === 3, 'the third line');
    stop.abort();
    expect(await run).toEqual({ lines: 3, events: 3, problems: [] });
    expect(sink.callIds).toEqual(['c-1', 'c-2', 'c-3']);
    expect(sink.events.every((event) => event.tenant === 't1')).toBe(true);
  });

  it('survives rotation by rename and recreate: finishes the old file, then reads the new one from its start', async () => {
    writeFileSync(file, enter(1, 'c-1'));
    const sink = new ArraySink();
    const stop = new AbortController();
    const run = importQueueLog(file, sink, { follow: true, pollMs: 10, signal: stop.signal });
    await until(() => sink.events.length === 1, 'the first line');

    // Within one poll: the file is moved away, Asterisk writes one more line to it, a new file appears.
    renameSync(file, `${file}.1`);
    appendFileSync(`${file}.1`, enter(2, 'c-2'));
    writeFileSync(file, enter(3, 'c-3'));
    await until(() => sink.events.length === 3, 'the new file');
    appendFileSync(file, enter(4, 'c-4'));
    await until(() => sink.events.length === 4, 'growth of the new file');

    // A gap of several polls with no file at the path at all.
    renameSync(file, `${file}.2`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(file, enter(5, 'c-5'));
    await until(() => sink.events.length === 5, 'the file recreated after a gap');
    stop.abort();
    expect((await run).lines).toBe(5);
    expect(sink.callIds).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
  });

  it('survives rotation by truncation (copytruncate): reads the file again from its start', async () => {
    writeFileSync(file, enter(1, 'c-1') + enter(2, 'c-2'));
    const sink = new ArraySink();
    const stop = new AbortController();
    const run = importQueueLog(file, sink, { follow: true, pollMs: 10, signal: stop.signal });
    await until(() => sink.events.length === 2, 'the first lines');

    truncateSync(file, 0);
    await new Promise((resolve) => setTimeout(resolve, 40));
    appendFileSync(file, enter(3, 'c-3'));
    await until(() => sink.events.length === 3, 'the line after truncation');
    stop.abort();
    await run;
    expect(sink.callIds).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it('rejects a file that does not exist', async () => {
    await expect(importQueueLog(join(folder, 'missing'), new ArraySink())).rejects.toThrow(/ENOENT/);
  });
});
