import { screen } from '@testing-library/react';
import { IngestLagBanner } from './ingest-lag-banner';
import { renderIn } from './test-support';

describe('IngestLagBanner', () => {
  it('is absent while the lag is unknown or at most 10 s', async () => {
    await renderIn('en', <IngestLagBanner seconds={undefined} />);
    expect(screen.queryByTestId('ingest-lag')).not.toBeInTheDocument();
    await renderIn('en', <IngestLagBanner seconds={10} />);
    expect(screen.queryByTestId('ingest-lag')).not.toBeInTheDocument();
  });

  it('says by how many whole seconds the data is delayed, in the text and in data-seconds', async () => {
    await renderIn('en', <IngestLagBanner seconds={42.6} />);
    const banner = screen.getByTestId('ingest-lag');
    expect(banner).toHaveTextContent('Data delayed by 43 s');
    expect(banner).toHaveAttribute('data-seconds', '43');
  });

  it('speaks Chinese', async () => {
    await renderIn('zh-CN', <IngestLagBanner seconds={10.6} />);
    expect(screen.getByTestId('ingest-lag')).toHaveTextContent('数据延迟 11 秒');
  });
});
