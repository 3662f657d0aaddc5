import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';
import { committedOffsetTotal, counterTotal, type RunningIngester } from '../helpers/ingest-harness';

export interface OutageSample {
  committed: number;
  received: number;
  buffered: number;
  lag: number;
  writeFailures: number;
  /** Distinct events stored, where the test can still read the engine during the outage. */
  stored?: number;
}

/** Samples the group and the ingester once a second until `untilMs`, while ClickHouse is unavailable to it. */
export async function sampleOutage(options: {
  admin: Admin;
  groupId: string;
  topic: string;
  ingester: RunningIngester;
  untilMs: number;
  storedEvents?: () => Promise<number>;
}): Promise<OutageSample[]> {
  const samples: OutageSample[] = [];
  const { metrics, pipeline } = options.ingester;
  while (Date.now() < options.untilMs) {
    samples.push({
      committed: await committedOffsetTotal(options.admin, options.groupId, options.topic),
      received: await counterTotal(metrics.received),
      buffered: pipeline.bufferedRecords,
      lag: await counterTotal(metrics.consumerLag),
      writeFailures: await counterTotal(metrics.writeFailures),
      stored: await options.storedEvents?.(),
    });
    await sleep(Math.min(1000, Math.max(0, options.untilMs - Date.now())));
  }
  return samples;
}

/**
 * What an outage must look like from outside: the group's committed offsets stay where they
 * were (nothing committed that was not written), the ingester keeps retrying, consumption stops
 * (back-pressure: what it took is held in its buffer, no more), and the group's lag grows by
 * exactly what was produced meanwhile.
 */
export function expectOutageHeldBack(samples: OutageSample[], expected: { committed: number; producedDuring: number }): void {
  expect(samples.length).toBeGreaterThanOrEqual(20);
  expect([...new Set(samples.map((sample) => sample.committed))]).toEqual([expected.committed]);
  const [first, last] = [samples[0]!, samples[samples.length - 1]!];
  expect(last.writeFailures).toBeGreaterThan(first.writeFailures);

  const lastTen = samples.slice(-10);
  expect([...new Set(lastTen.map((sample) => sample.received))]).toEqual([last.received]);
  expect(last.received).toBeLessThan(expected.committed + expected.producedDuring);
  for (const sample of lastTen) expect(sample.buffered).toBe(sample.received - expected.committed);
  expect(last.lag).toBe(expected.producedDuring);
}
