import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AlertBanner, alertsToShow } from './alert-banner';
import { alert, renderIn } from './test-support';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('AlertBanner', () => {
  it('shows a worse crossing with queue, figure, level and value', async () => {
    await renderIn('en', <AlertBanner alerts={[alert({ at: minutesAgo(1) })]} />);
    const banner = screen.getByTestId('alert-banner');
    expect(banner).toHaveTextContent('billing: Service level is at Alert (62.0%)');
  });

  it('does not show a better crossing, nor a worse one the figure has since recovered from', async () => {
    const recovered = [
      alert({ id: 'b', at: minutesAgo(0.5), direction: 'better', level: 'green', previousLevel: 'red' }),
      alert({ id: 'a', at: minutesAgo(1) }),
    ];
    await renderIn('en', <AlertBanner alerts={recovered} />);
    expect(screen.queryByTestId('alert-banner')).not.toBeInTheDocument();
  });

  it('forgets crossings after a few minutes, after one minute on a kiosk', () => {
    const now = Date.now();
    const alerts = [alert({ id: 'old', queue: 'vip', at: minutesAgo(2) }), alert({ id: 'new', at: minutesAgo(0.5) })];
    expect(alertsToShow(alerts, now, 5 * 60_000).map((shown) => shown.id)).toEqual(['new', 'old']);
    expect(alertsToShow(alerts, now, 60_000).map((shown) => shown.id)).toEqual(['new']);
  });

  it('is dismissed by keyboard outside kiosk mode, and has no controls in kiosk mode', async () => {
    const user = userEvent.setup();
    const { unmount } = await renderIn('en', <AlertBanner alerts={[alert({})]} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByTestId('alert-banner')).not.toBeInTheDocument();
    unmount();

    await renderIn('en', <AlertBanner alerts={[alert({})]} kiosk />);
    expect(screen.getByTestId('alert-banner')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
