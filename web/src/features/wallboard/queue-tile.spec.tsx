import { act, screen, within } from '@testing-library/react';
import { NO_VALUE } from '../../lib/format';
import { QueueTile } from './queue-tile';
import { liveFigures, renderIn } from './test-support';

describe('QueueTile', () => {
  afterEach(() => vi.useRealTimers());

  it('shows each figure formatted, with its band as attribute, icon and word, and "—" for a ratio with no value', async () => {
    await renderIn('en', <QueueTile title="billing" testId="tile-billing" figures={liveFigures()} />);
    const tile = screen.getByTestId('tile-billing');

    const serviceLevel = within(tile).getByTestId('figure-serviceLevel');
    expect(serviceLevel).toHaveTextContent(/^78\.0%$/);
    expect(serviceLevel).toHaveAttribute('data-band', 'amber');
    const serviceLevelFigure = serviceLevel.closest('.tile-figure') as HTMLElement;
    expect(within(serviceLevelFigure).getByText('Warning')).toBeInTheDocument();
    expect(within(serviceLevelFigure).getByText('▲')).toBeInTheDocument();
    expect(within(serviceLevelFigure).getByText('/ 80% target')).toBeInTheDocument();

    expect(within(tile).getByTestId('figure-waitingNow')).toHaveTextContent(/^3$/);
    expect(within(tile).getByTestId('figure-waitingNow')).toHaveAttribute('data-band', 'green');
    expect(within(tile).getByTestId('figure-abandonmentRate')).toHaveTextContent(/^6\.0%$/);
    expect(within(tile).getByTestId('figure-asaSeconds')).toHaveTextContent(/^0:18$/);
    expect(within(tile).getByTestId('figure-ahtSeconds')).toHaveTextContent(/^5:48$/);
    expect(within(tile).getByTestId('figure-csatMean')).toHaveTextContent(/^4\.20$/);

    const fcr = within(tile).getByTestId('figure-fcrRate');
    expect(fcr).toHaveTextContent(new RegExp(`^${NO_VALUE}$`));
    expect(fcr).not.toHaveAttribute('data-band');
    expect(within(tile).getByText('40 pending')).toBeInTheDocument();
  });

  it('offers "how is this computed" by keyboard, except on a kiosk', async () => {
    const { unmount } = await renderIn('en', <QueueTile title="billing" testId="tile-billing" figures={liveFigures()} />);
    expect(screen.getByRole('button', { name: 'How Service level is computed' })).toBeInTheDocument();
    unmount();
    await renderIn('en', <QueueTile title="billing" testId="tile-billing" figures={liveFigures()} kiosk />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('ticks the longest wait every second from the oldest waiting call, and bands it as it grows', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-22T01:00:00Z'));
    const figures = liveFigures({ longestWaitSeconds: 58, oldestWaitingSince: '2026-11-22T08:59:02+08:00' });
    await renderIn('en', <QueueTile title="billing" testId="tile-billing" figures={figures} />);
    const longestWait = screen.getByTestId('figure-longestWaitSeconds');
    expect(longestWait).toHaveTextContent(/^0:58$/);
    expect(longestWait).toHaveAttribute('data-band', 'green');

    act(() => vi.advanceTimersByTime(3_000));
    expect(longestWait).toHaveTextContent(/^1:01$/);
    expect(longestWait).toHaveAttribute('data-band', 'amber');
  });
});
