import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { Settings } from '@callboard/api';
import { json as answer, principal, resetSession, seedSession, stubFetch } from '../../lib/auth-test-support';
import { i18n } from '../../lib/i18n';
import type { Role } from '../../lib/principal';
import { renderApp } from '../../routes/test-support';
import { settingsSearch } from '../../routes/settings';
import { SettingsPage } from './settings-page';

const settings: Settings = {
  timezone: 'Asia/Shanghai',
  defaults: {
    serviceLevelSeconds: 20,
    serviceLevelTarget: 0.8,
    shortAbandonSeconds: 5,
    fcrWindowHours: 168,
    fcrSameCategoryOnly: false,
    thresholds: {
      abandonmentRate: { amber: 0.05, red: 0.1 },
      asaSeconds: { amber: 20, red: 45 },
      ahtSeconds: { amber: 420, red: 600 },
      waitingNow: { amber: 5, red: 10 },
      longestWaitSeconds: { amber: 60, red: 120 },
      avgAbandonWaitSeconds: { amber: 45, red: 90 },
      serviceLevel: { amber: 0.8, red: 0.7 },
      fcrRate: { amber: 0.75, red: 0.65 },
      csatMean: { amber: 4.2, red: 3.8 },
      csatRate: { amber: 0.85, red: 0.75 },
    },
  },
  queues: {},
};

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('SettingsPage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('puts only the edit, and shows the api’s 400 parameter message beside its field', async () => {
    const puts: unknown[] = [];
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      if (init?.method === 'PUT') {
        puts.push(JSON.parse(String(init.body)));
        return json(400, {
          statusCode: 400,
          message: 'defaults.serviceLevelSeconds: Too big: expected number to be <=3600',
          parameters: [{ name: 'defaults.serviceLevelSeconds', message: 'Too big: expected number to be <=3600' }],
        });
      }
      if (url.pathname === '/api/v1/metrics') return json(200, { groups: [{ key: { queue: 'billing' } }] });
      return json(200, settings);
    });
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={new QueryClient()}>
          <SettingsPage search={settingsSearch.parse({})} onChange={() => {}} />
        </QueryClientProvider>
      </I18nextProvider>,
    );

    const field = await screen.findByLabelText('Service level answer time');
    expect(field).toHaveValue(20);
    await userEvent.clear(field);
    await userEvent.type(field, '4000');
    await userEvent.click(screen.getByTestId('settings-save'));

    expect(await screen.findByText('Too big: expected number to be <=3600')).toBeInTheDocument();
    expect(puts).toEqual([{ defaults: { serviceLevelSeconds: 4000 } }]);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Too big: expected number to be <=3600'));
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved');
    expect(screen.getByRole('option', { name: 'billing' })).toBeInTheDocument();
  });
});

describe('the settings page by role', () => {
  beforeEach(resetSession);
  afterEach(() => vi.unstubAllGlobals());

  const open = async (role: Role) => {
    seedSession({ principal: principal({ role }) });
    const calls = stubFetch((call) => (call.path === '/api/v1/settings' ? answer(200, settings) : answer(200, { groups: [] })));
    await renderApp('/settings');
    return { calls, field: await screen.findByLabelText('Service level answer time') };
  };

  it.each(['supervisor', 'qa'] as const)('shows a %s the settings read-only, and says why', async (role) => {
    const { field } = await open(role);
    expect(field).toHaveValue(20);
    expect(field).toBeDisabled();
    expect(screen.getByLabelText('Centre timezone')).toBeDisabled();
    expect(screen.getByLabelText('Amber threshold for Abandonment rate')).toBeDisabled();
    const save = screen.getByTestId('settings-save');
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription('Only administrators and managers can change settings; you can read them here.');
  });

  it.each(['admin', 'manager'] as const)('lets a %s change them', async (role) => {
    const { field, calls } = await open(role);
    expect(field).toBeEnabled();
    await userEvent.clear(field);
    await userEvent.type(field, '30');
    await userEvent.click(screen.getByTestId('settings-save'));
    await screen.findByText('Saved. The wallboards use the new settings from now on.');
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.body)).toEqual([{ defaults: { serviceLevelSeconds: 30 } }]);
    expect(screen.queryByTestId('settings-read-only')).toBeNull();
  });
});
