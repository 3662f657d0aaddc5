import type { BatchWriter } from '@callboard/ingest';

/**
 * ClickHouse "down" for the ingest pipeline's events writer while `down` is true: each write
 * attempt throws, and the pipeline retries it until the switch is turned back.
 */
export class ClickHouseOutage {
  down = false;

  readonly wrapWriters = (writers: BatchWriter[]): BatchWriter[] =>
    writers.map((writer) => ({
      target: writer.target,
      write: async (batch) => {
        if (this.down && writer.target === 'clickhouse_events') throw new Error('ClickHouse unavailable (injected)');
        await writer.write(batch);
      },
    }));
}
