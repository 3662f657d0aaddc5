import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallEventInput } from '../../contract';
import type { EventSink } from '../../simulator/sinks/event-sink';
import { importConnectCtrFile } from './import-file';

class CollectingSink implements EventSink {
  readonly batches: CallEventInput[][] = [];
  async send(events: CallEventInput[]): Promise<void> {
    this.batches.push(events);
  }
  async close(): Promise<void> {}
  get events(): CallEventInput[] {
    return this.batches.flat();
  }
}

const fixtureText = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const records = (name: string): Array<Record<string, unknown>> => {
  const value = JSON.parse(fixtureText(name)) as Record<string, unknown> | Array<Record<string, unknown>>;
  return Array.isArray(value) ? value : [value];
};

describe('importConnectCtrFile', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'connect-ctr-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads NDJSON, keeps each contact once in its latest version, and sends the events in time order', async () => {
    const all = [
      ...records('abandoned.json'),
      ...records('handled-with-holds.json'),
      ...records('transferred.json'),
      ...records('duplicate.json'),
    ];
    const file = join(folder, 'ctrs.ndjson');
    writeFileSync(file, all.map((record) => JSON.stringify(record)).join('\n') + '\n\n');
    const sink = new CollectingSink();

    const result = await importConnectCtrFile(file, sink, { tenant: 'north' });

    // Events: abandoned 2 + handled 8 + transferred 3 + 6 + duplicate 4 = 23.
    expect(result).toEqual({ records: 6, contacts: 5, events: 23, problems: [] });
    const { events } = sink;
    expect(events).toHaveLength(23);
    expect(events.map((event) => event.ts)).toEqual(events.map((event) => event.ts).sort());
    expect(new Set(events.map((event) => event.eventId)).size).toBe(23);
    expect(events.every((event) => event.tenant === 'north')).toBe(true);
    expect(events.find((event) => event.eventId.endsWith('0005:wrapup_completed'))).toMatchObject({ disposition: 'resolved' });
    expect(events.find((event) => event.type === 'call.transferred')).toMatchObject({ toQueue: 'support' });
  });

  it('reads a file holding one JSON array', async () => {
    const file = join(folder, 'transferred.json');
    writeFileSync(file, fixtureText('transferred.json'));
    const sink = new CollectingSink();
    expect(await importConnectCtrFile(file, sink, {})).toEqual({ records: 2, contacts: 2, events: 9, problems: [] });
    expect(sink.events.every((event) => !('tenant' in event))).toBe(true);
  });

  it('reports every invalid line with its number and goes on', async () => {
    const [abandoned] = records('abandoned.json');
    const [handled] = records('handled-with-holds.json');
    const lines = [
      JSON.stringify(abandoned),
      '',
      '{"ContactId": "x", ',
      JSON.stringify({ Channel: 'VOICE', Queue: null }),
      JSON.stringify({ ...handled, Queue: { Name: 'billing', EnqueueTimestamp: 'yesterday' } }),
      JSON.stringify({ ...handled, Agent: { ...(handled!['Agent'] as object), AfterContactWorkEndTimestamp: '2026-11-12T01:12:00Z' } }),
      '[1, 2]',
      JSON.stringify({ ContactId: 'c-9', LastUpdateTimestamp: 1762909200 }),
    ];
    const file = join(folder, 'invalid.ndjson');
    writeFileSync(file, lines.join('\n'));
    const sink = new CollectingSink();

    const result = await importConnectCtrFile(file, sink, {});

    expect(result.problems).toEqual([
      { line: 3, message: expect.stringMatching(/^not JSON: /) },
      { line: 4, message: 'ContactId: required' },
      { line: 5, message: 'Queue.EnqueueTimestamp: not a timestamp: "yesterday"' },
      {
        line: 6,
        message:
          'Agent.AfterContactWorkEndTimestamp is before Agent.AfterContactWorkStartTimestamp; Agent.AfterContactWorkEndTimestamp is before DisconnectTimestamp',
      },
      { line: 7, message: 'not a JSON object' },
      { line: 8, message: expect.stringMatching(/^LastUpdateTimestamp: /) },
    ]);
    expect(result).toMatchObject({ records: 1, contacts: 1, events: 2 });
  });

  it('a file that opens an array it never closes is one problem', async () => {
    const file = join(folder, 'broken.json');
    writeFileSync(file, '\n[\n  {"ContactId": "c-1"},\n');
    expect(await importConnectCtrFile(file, new CollectingSink(), {})).toEqual({
      records: 0,
      contacts: 0,
      events: 0,
      problems: [{ line: 2, message: expect.stringMatching(/^not a JSON array: /) }],
    });
  });
});
