import { screen, within } from '@testing-library/react';
import { toIntervalPoints } from './hooks/use-last-hour';
import { LiveChart } from './live-chart';
import { renderIn } from './test-support';

describe('LiveChart', () => {
  it('plots the 5-minute buckets in time order, also as a table for screen readers', async () => {
    const points = toIntervalPoints({
      groups: [
        { key: { bucket: '2026-11-22T09:05:00+08:00' }, offered: 7, answered: 6, abandoned: 1, serviceLevel: null },
        { key: { bucket: '2026-11-22T09:00:00+08:00' }, offered: 10, answered: 8, abandoned: 2, serviceLevel: 0.75 },
      ] as never,
    });
    await renderIn('en', <LiveChart points={points} serviceLevelTarget={0.8} />);
    const table = within(screen.getByTestId('live-chart')).getByRole('table', { hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true }).slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['09:00108275.0%', '09:05761—']);
  });
});
