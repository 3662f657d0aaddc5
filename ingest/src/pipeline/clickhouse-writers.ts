import type { ClickHouseClient } from '@callboard/infra';
import type { Batch, BatchWriter } from './pipeline';

/** Valid events → the `events` table. Re-inserting after a failed attempt is safe: the table deduplicates. */
export class ClickHouseEventWriter implements BatchWriter {
  readonly target = 'clickhouse_events';
  constructor(private readonly client: ClickHouseClient) {}

  async write(batch: Batch): Promise<void> {
    if (batch.events.length === 0) return;
    await this.client.insert({ table: 'events', values: batch.events, format: 'JSONEachRow' });
  }
}

/** Rejected records → the `dead_letters` table. */
export class ClickHouseDeadLetterWriter implements BatchWriter {
  readonly target = 'clickhouse_dead_letters';
  constructor(private readonly client: ClickHouseClient) {}

  async write(batch: Batch): Promise<void> {
    if (batch.deadLetters.length === 0) return;
    await this.client.insert({ table: 'dead_letters', values: batch.deadLetters, format: 'JSONEachRow' });
  }
}
