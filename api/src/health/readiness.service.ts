import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { assessReadiness, oneAtATime, type Readiness } from '@callboard/ingest';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG, CLICKHOUSE, KAFKA_REACHABLE } from '../infrastructure/tokens';
import type { IngestLag } from '../live/ingest-lag';
import { INGEST_LAG } from '../live/live.tokens';

/** GET /ready: ClickHouse answers, Kafka answers (Kafka mode), and ingestion keeps up. */
@Injectable()
export class ReadinessService {
  private readonly kafkaReachable: (() => Promise<void>) | undefined;

  constructor(
    @Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient,
    @Inject(INGEST_LAG) private readonly ingestLag: IngestLag,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Optional() @Inject(KAFKA_REACHABLE) kafkaReachable?: () => Promise<void>,
  ) {
    this.kafkaReachable = kafkaReachable && oneAtATime(kafkaReachable);
  }

  assess(): Promise<Readiness> {
    return assessReadiness({
      clickHouse: this.clickHouse,
      kafka: this.kafkaReachable,
      ingestLag: () => this.ingestLag.current(),
      maxLagSeconds: this.config.readyMaxLagSeconds,
    });
  }
}
