import { createIngestPipeline, InProcessSource, type IngestPipeline } from '@callboard/ingest';
import { generateCallEvents } from '../fixtures/calls';
import { openTestClickHouse, queryRows, type TestClickHouse } from '../helpers/clickhouse';
import { storedEventCount } from '../helpers/ingest-harness';

describe('the in-process source (embedded mode: POST /events and the simulator)', () => {
  let clickHouse: TestClickHouse;
  let pipeline: IngestPipeline;
  let source: InProcessSource;

  beforeEach(async () => {
    clickHouse = await openTestClickHouse();
    ({ pipeline } = await createIngestPipeline({ client: clickHouse.client, batch: { maxBatchSize: 50, maxBatchAgeMs: 20 } }));
    source = new InProcessSource(pipeline);
  });
  afterEach(async () => {
    await pipeline.close(5000);
    await clickHouse.dispose();
  });

  it('answers which records were rejected and why, and settles once everything is stored', async () => {
    const valid = generateCallEvents(30, Date.parse('2026-11-20T01:00:00Z'));
    const submitted: unknown[] = [...valid];
    submitted.splice(3, 0, {
      eventId: 'x1',
      type: 'call.offered',
      ts: '2026-11-20T09:00:00+08:00',
      callId: 'c-x',
      customerId: '+8613900000000',
    });
    submitted.splice(10, 0, 'not an event');

    const submission = await source.submit(submitted);
    expect(submission.accepted).toBe(valid.length);
    expect(submission.rejected).toEqual([
      { index: 3, reason: 'missing_field: queue' },
      { index: 10, reason: 'not_an_object: expected a JSON object, got string' },
    ]);
    await submission.stored;

    expect(await storedEventCount(clickHouse.client)).toBe(valid.length);
    const letters = await queryRows<{ source: string; reason_code: string; offset: string; raw: string }>(
      clickHouse.client,
      'SELECT source, reason_code, offset, raw FROM dead_letters ORDER BY reason_code',
    );
    expect(letters.map(({ source, reason_code, offset }) => ({ source, reason_code, offset: Number(offset) }))).toEqual([
      { source: 'http', reason_code: 'missing_field', offset: -1 },
      { source: 'http', reason_code: 'not_an_object', offset: -1 },
    ]);
    expect(letters[0]!.raw).not.toContain('+8613900000000');
  });

  it('uses one PII key for every pipeline on the same database, so repeat callers still match', async () => {
    const { pipeline: second } = await createIngestPipeline({ client: clickHouse.client, batch: { maxBatchSize: 50, maxBatchAgeMs: 20 } });
    const offered = (eventId: string, callId: string) => ({
      eventId,
      type: 'call.offered',
      ts: Date.parse('2026-11-20T01:00:00Z'),
      callId,
      queue: 'billing',
      customerId: '+8613800000001',
    });
    await (
      await source.submit([offered('r1', 'c-1')])
    ).stored;
    await (
      await new InProcessSource(second).submit([offered('r2', 'c-2')])
    ).stored;
    await second.close(5000);

    const hashes = await queryRows<{ customer_hash: string }>(clickHouse.client, 'SELECT DISTINCT customer_hash FROM events');
    expect(hashes).toHaveLength(1);
    expect(hashes[0]!.customer_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
