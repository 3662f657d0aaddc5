import { METRIC_NAMES } from '../../lib/metrics';
import { metricsByGroup } from './metric-groups';

it('puts every metric in exactly one group, in METRIC_NAMES order within it', () => {
  const all = metricsByGroup().flatMap(({ metrics }) => metrics);
  expect([...all].sort()).toEqual([...METRIC_NAMES].sort());
  for (const { metrics } of metricsByGroup()) {
    expect(metrics).toEqual(METRIC_NAMES.filter((name) => metrics.includes(name)));
  }
});
