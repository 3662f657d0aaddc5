import { act, screen } from '@testing-library/react';
import { DelayedBanner } from './delayed-banner';
import { renderIn } from './test-support';

describe('DelayedBanner', () => {
  afterEach(() => vi.useRealTimers());

  it('is absent while the feed is live', async () => {
    await renderIn('en', <DelayedBanner delayed={false} lastMessageAt={Date.now()} />);
    expect(screen.queryByTestId('feed-delayed')).not.toBeInTheDocument();
  });

  it('says the data is delayed and how old the last message is, counting up', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const lastMessageAt = Date.now() - 7_000;
    await renderIn('zh-CN', <DelayedBanner delayed lastMessageAt={lastMessageAt} />);
    const banner = screen.getByTestId('feed-delayed');
    expect(banner).toHaveTextContent('数据延迟');
    expect(banner).toHaveTextContent('最后更新于 0:07 前');
    act(() => vi.advanceTimersByTime(5_000));
    expect(banner).toHaveTextContent('最后更新于 0:12 前');
  });
});
