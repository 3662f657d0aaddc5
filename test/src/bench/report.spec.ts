import { benchSummary, newestOfEach, type BenchReport } from './report';

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

  it('reports the load run: its errors, each request kind, the sockets and the api memory start to end', () => {
    const figures = (requests: number, errors = 0) => ({ requests, errors, p50Ms: 12, p95Ms: 80 });
    const report: BenchReport = {
      command: 'pnpm bench load',
      startedAt: '2026-11-24T10:00:00.000Z',
      finishedAt: '2026-11-24T10:06:00.000Z',
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryMb: 8000, node: 'v20.20.2', os: 'Linux 6.1' },
      load: {
        options: { seconds: 300, users: 200, sockets: 500, historyDays: 30, thinkMs: [2000, 8000], eventsPerSecond: 20 },
        requests: {
          metricsByQueueToday: figures(2400),
          compareTodayWithLastWeek: figures(2400),
          trendsDaily30d: figures(2400, 1),
          callsPage: figures(3100),
          live: figures(2400),
          wallboardChart: figures(5000),
        },
        errors: 1,
        errorSamples: ['503 /trends?…: slow'],
        sockets: { clients: 500, connectedAtEnd: 500, disconnects: 0, silentAtEnd: 0, pushes: 123_456 },
        events: { posts: 300, failedPosts: 0 },
        apiRssMb: { start: 400, end: 420, max: 450, samples: [400, 450, 420], slopeMbPerMinute: 4 },
      },
    };
    const summary = benchSummary(report);
    expect(summary).toContain('## Under load: 200 dashboard users and 500 sockets for 300 s');
    expect(summary).toContain('**Errors: 1**');
    expect(summary).toContain('| GET /trends per day over 30 days | 2,400 | 1 | 12 ms | 80 ms |');
    expect(summary).toContain("| GET /metrics last hour by 5 minutes (each socket's TV chart, every 30 s) | 5,000 | 0 | 12 ms | 80 ms |");
    expect(summary).toContain('Sockets: 500 of 500 connected at the end, 0 disconnects, 0 silent, 123,456 pushes received.');
    expect(summary).toContain('api RSS: 400 MB at the start, 420 MB at the end, 450 MB at most');
    expect(summary).toContain('- `503 /trends?…: slow`');
  });

  it('gathers the newest figures of each benchmark for latest.md, naming the run each came from', () => {
    const machine = { cpus: 2, cpuModel: 'Test CPU', memoryMb: 8000, node: 'v20.20.2', os: 'Linux 6.1' };
    const memory = (steadyRssMb: number) => ({
      eventsPerSecond: 1000,
      seconds: 60,
      rssMb: [steadyRssMb],
      steadyRssMb,
      machineMemoryMb: 8000,
    });
    const run = (name: string, command: string, fields: Partial<BenchReport>) => ({
      name,
      report: { command, startedAt: `${name}Z`, finishedAt: `${name}Z`, machine, ...fields },
    });
    const runs = [
      run('2026-11-20T10-00-00', 'pnpm bench', { ingesterMemory: memory(300) }),
      run('2026-11-22T10-00-00', 'pnpm bench memory', { ingesterMemory: memory(210) }),
      run('2026-11-23T10-00-00', 'pnpm bench ingest', {
        ingest: {
          events: 1000,
          partitions: 24,
          pipelineEventsPerSecond: 40_000,
          rawConsumeEventsPerSecond: 320_000,
          clickHouseFileInsertEventsPerSecond: 400_000,
          stages: { decodeValidateNormaliseEventsPerSecond: 98_000, clientInsertEventsPerSecond: 70_000 },
        },
      }),
    ];

    const latest = newestOfEach(runs);

    expect(latest).toContain('- memory: `2026-11-22T10-00-00.md` (`pnpm bench memory`)');
    expect(latest).toContain('- ingest: `2026-11-23T10-00-00.md` (`pnpm bench ingest`)');
    expect(latest).not.toContain('2026-11-20T10-00-00');
    // The memory figure of the newer memory run (210 MB), not the older one's 300 MB, beside the ingest figures.
    expect(latest).toContain("| 210 MB | the machine's memory | 8,000 MB | 0.03 |");
    expect(latest).not.toContain('| 300 MB |');
    expect(latest).toContain('| 40,000 events/s | kafkajs consuming the same topic, doing nothing | 320,000 events/s | 0.13 |');
  });
});
