import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, principal, resetSession, seedSession, stubFetch } from '../lib/auth-test-support';
import { ACCESS_KEY, KIOSK_KEY, REFRESH_KEY, session } from '../lib/session';
import { renderApp } from '../routes/test-support';

/** The admin page's reads answered with nothing in them. */
const quietApi = () =>
  stubFetch((call) => {
    if (call.path === '/api/v1/audit') return json(200, { entries: [] });
    if (call.path === '/api/v1/settings') return json(200, { timezone: 'Asia/Shanghai' });
    if (call.path === '/api/v1/auth/logout') return json(204);
    return json(200, []);
  });

const navEntries = () =>
  within(screen.getByRole('navigation', { name: 'Pages' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('the layout', () => {
  beforeEach(resetSession);
  afterEach(() => vi.unstubAllGlobals());

  it('offers an admin every page, and says who is signed in and in what role', async () => {
    seedSession({ principal: principal({ name: 'Lin Na', role: 'admin' }) });
    quietApi();
    await renderApp('/admin?tab=audit');
    await screen.findByTestId('admin-audit');
    expect(navEntries()).toEqual(['Wallboard', 'Comparisons', 'Trends', 'Agent scorecard', 'Calls', 'Settings', 'Administration']);
    expect(screen.getByTestId('signed-in')).toHaveTextContent(/Lin Na\s*Administrator/);
  });

  it('hides administration from QA, and says so on its URL instead of showing the api’s refusals', async () => {
    seedSession({ principal: principal({ role: 'qa' }) });
    const calls = quietApi();
    await renderApp('/admin');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role (Quality assurance) cannot open this page.');
    expect(navEntries()).toEqual(['Wallboard', 'Comparisons', 'Trends', 'Agent scorecard', 'Calls', 'Settings']);
    expect(calls.filter((call) => call.path === '/api/v1/users' || call.path === '/api/v1/audit')).toEqual([]);
  });

  it('shows a wallboard token only the wallboard', async () => {
    localStorage.setItem(KIOSK_KEY, 'cbt_floor3');
    session.load();
    stubFetch(() => json(200, principal({ kind: 'token', name: 'Floor 3 TV', role: 'wallboard', queues: ['billing'] })));
    await renderApp('/compare');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role (Wallboard screen) cannot open this page.');
    expect(navEntries()).toEqual(['Wallboard']);
    expect(screen.getByTestId('signed-in')).toHaveTextContent('Floor 3 TV');
  });

  it('signs out: ends the session at the api, forgets it here, and goes to /login', async () => {
    seedSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const calls = quietApi();
    const app = await renderApp('/admin?tab=audit');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(app.at()).toBe('/login'));
    expect(calls.find((call) => call.path === '/api/v1/auth/logout')).toMatchObject({
      method: 'POST',
      bearer: 'access-1',
      body: { refreshToken: 'refresh-1' },
    });
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(sessionStorage.getItem(ACCESS_KEY)).toBeNull();
  });

  it('shows a TV whose token was revoked a full-screen message, and stays where it is', async () => {
    localStorage.setItem(KIOSK_KEY, 'cbt_revoked');
    session.load();
    const calls = stubFetch(() => json(401, { message: 'Unauthorized' }));
    // The refusal lands between renders (the gate's request), so let it land inside act.
    const app = await act(() => renderApp('/wallboard?kiosk=1&queues=billing'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This screen’s access token is no longer valid');
    expect(app.at()).toBe('/wallboard?kiosk=1&queues=billing');
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/auth/me']);
  });
});
