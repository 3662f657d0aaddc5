import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { CallsPageDto } from '@callboard/api';
import { i18n } from '../../lib/i18n';
import { callsSearch } from '../../routes/calls';
import { CallsPage } from './calls-page';

const firstPage: CallsPageDto = {
  calls: [
    {
      callId: 'c-2',
      // 01:05 UTC: 09:05 in Shanghai, whatever the test machine's own zone.
      firstOfferedAt: '2026-11-22T09:05:00+08:00',
      queue: 'billing',
      category: 'complaint',
      customer: 'h-1',
      agent: 'a-9',
      legs: [
        { queue: 'billing', offeredAt: '2026-11-22T09:05:00+08:00', outcome: 'flowed_out', agent: null, waitSeconds: 30 },
        { queue: 'vip', offeredAt: '2026-11-22T09:05:30+08:00', outcome: 'answered', agent: 'a-9', waitSeconds: 15 },
      ],
      handleSeconds: 348,
      fcr: 'pending',
      surveyScore: 4,
      surveyResolved: true,
    },
  ],
  nextCursor: 'cursor-1',
};
const secondPage: CallsPageDto = {
  calls: [
    {
      callId: 'c-1',
      firstOfferedAt: '2026-11-22T08:59:00+08:00',
      queue: 'billing',
      category: null,
      customer: null,
      agent: null,
      legs: [{ queue: 'billing', offeredAt: '2026-11-22T08:59:00+08:00', outcome: 'abandoned', agent: null, waitSeconds: 42 }],
      handleSeconds: 0,
      fcr: null,
      surveyScore: null,
      surveyResolved: null,
    },
  ],
  nextCursor: null,
};

function respond(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
}

describe('CallsPage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the calls with times in the centre timezone, and asks for the next page with nextCursor', async () => {
    const requests: URL[] = [];
    vi.stubGlobal('fetch', (input: string) => {
      const url = new URL(input, 'http://localhost');
      requests.push(url);
      if (url.pathname === '/api/v1/settings') return respond({ timezone: 'Asia/Shanghai', defaults: {}, queues: {} });
      return respond(url.searchParams.get('cursor') === 'cursor-1' ? secondPage : firstPage);
    });
    const search = callsSearch.parse({ from: '2026-11-22T00:00:00+08:00', to: '2026-11-23T00:00:00+08:00', queue: 'billing' });
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter>
            <CallsPage search={search} onChange={() => {}} />
          </MemoryRouter>
        </QueryClientProvider>
      </I18nextProvider>,
    );

    const row = await screen.findByTestId('call-row-c-2');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '11/22/26, 9:05 AMc-2',
      'billing → vip',
      'Complaint',
      'Answered',
      '0:45', // 30 s in billing + 15 s in vip
      '5:48',
      'a-9',
      'Pending',
      '4 / 5 · solved',
    ]);
    expect(within(row).getByRole('link')).toHaveAttribute('href', '/calls/c-2');
    const callsRequest = requests.find((url) => url.pathname === '/api/v1/calls')!;
    expect(callsRequest.searchParams.get('from')).toBe('2026-11-22T00:00:00+08:00');
    expect(callsRequest.searchParams.getAll('queue')).toEqual(['billing']);

    await userEvent.click(screen.getByRole('button', { name: 'More calls' }));
    const older = await screen.findByTestId('call-row-c-1');
    expect(
      within(older)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['11/22/26, 8:59 AMc-1', 'billing', '—', 'Abandoned', '0:42', '—', '—', '—', '—']);
    expect(screen.queryByRole('button', { name: 'More calls' })).not.toBeInTheDocument();
    expect(screen.getByText('2 calls shown.')).toBeInTheDocument();
  });
});
