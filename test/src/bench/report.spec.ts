import { benchSummary, type BenchReport } from './report';

describe('the benchmark summary', () => {
  it('puts each figure beside its limit with the ratio worked out', () => {
    const report: BenchReport = {
      command: 'pnpm bench ingest memory',
      startedAt: '2026-11-23T19:00:00.000Z',
      finishedAt: '2026-11-23T19:05:00.000Z',
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryMb: 8000, node: 'v20.20.2', os: 'Linux 6.1' },
      ingest: {
        events: 224_007,
        partitions: 24,
        pipelineEventsPerSecond: 40_000,
        rawConsumeEventsPerSecond: 320_000,
        clickHouseFileInsertEventsPerSecond: 400_000,
        stages: { decodeValidateNormaliseEventsPerSecond: 98_000, clientInsertEventsPerSecond: 70_000 },
      },
      ingesterMemory: { eventsPerSecond: 1000, seconds: 60, rssMb: [200, 210, 220], steadyRssMb: 210, machineMemoryMb: 8000 },
    };
    const summary = benchSummary(report);
    expect(summary).toContain('2 × Test CPU, 8,000 MB memory, Node v20.20.2');
    // 40,000 / 320,000 = 0.125 → 0.13; 40,000 / 400,000 = 0.10; 210 / 8,000 = 0.026 → 0.03.
    expect(summary).toContain('| 40,000 events/s | kafkajs consuming the same topic, doing nothing | 320,000 events/s | 0.13 |');
    expect(summary).toContain('| ClickHouse inserting the same rows from a file | 400,000 events/s | 0.10 |');
    expect(summary).toContain("| 210 MB | the machine's memory | 8,000 MB | 0.03 |");
    expect(summary).not.toContain('live:');
  });
});
