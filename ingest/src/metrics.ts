import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The ingester's metrics, in Prometheus format via prom-client, on a registry of its own. */
export class IngestMetrics {
  readonly registry = new Registry();

  readonly received = new Counter({
    name: 'callboard_ingest_events_received_total',
    help: 'Records taken from a source, valid or not',
    labelNames: ['source'],
    registers: [this.registry],
  });
  readonly inserted = new Counter({
    name: 'callboard_ingest_events_inserted_total',
    help: 'Valid events written to ClickHouse (re-deliveries included; the table deduplicates)',
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'callboard_ingest_events_rejected_total',
    help: 'Invalid records sent to the dead-letter store, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'callboard_ingest_batch_size',
    help: 'Records per flushed batch',
    buckets: [1, 10, 100, 500, 1000, 2500, 5000, 10000, 25000, 50000],
    registers: [this.registry],
  });
  readonly insertSeconds = new Histogram({
    name: 'callboard_ingest_insert_duration_seconds',
    help: 'Time to write one batch to ClickHouse, retries included',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly writeFailures = new Counter({
    name: 'callboard_ingest_write_failures_total',
    help: 'Failed write attempts (each is retried with backoff), by target',
    labelNames: ['target'],
    registers: [this.registry],
  });
  readonly buffered = new Gauge({
    name: 'callboard_ingest_buffered_records',
    help: 'Records accepted from a source and not yet written',
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'callboard_ingest_consumer_lag',
    help: 'Messages in the partition after the last committed offset',
    labelNames: ['topic', 'partition'],
    registers: [this.registry],
  });
  readonly lagSeconds = new Gauge({
    name: 'callboard_ingest_lag_seconds',
    help: 'Age of the oldest record this instance holds and has not yet written (by its Kafka timestamp); 0 when none',
    registers: [this.registry],
  });
  readonly commitFailures = new Counter({
    name: 'callboard_ingest_commit_failures_total',
    help: 'Offset commits refused (e.g. during a rebalance); the records are re-read and deduplicated',
    registers: [this.registry],
  });
}
