import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, principal, resetSession, seedSession, stubFetch } from '../../lib/auth-test-support';
import { REFRESH_KEY } from '../../lib/session';
import { renderApp } from '../../routes/test-support';
import { safeNext } from './next-path';

const signedIn = { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900, principal: principal({ name: 'Lin Na' }) };

/** Answers the login with `login`, and the admin page's reads with empty lists. */
function api(login: () => Response) {
  return stubFetch((call) => {
    if (call.path === '/api/v1/auth/login') return login();
    if (call.path === '/api/v1/audit') return json(200, { entries: [] });
    if (call.path === '/api/v1/settings') return json(200, { timezone: 'Asia/Shanghai' });
    return json(200, []);
  });
}

async function signIn(username: string, password: string) {
  await userEvent.type(await screen.findByLabelText('Username'), username);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the login page', () => {
  beforeEach(resetSession);
  afterEach(() => vi.unstubAllGlobals());

  it('is where a page sends someone not signed in, remembering that page as `next`', async () => {
    api(() => json(401, {}));
    const app = await renderApp('/admin?tab=audit');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(app.at()).toBe('/login?next=%2Fadmin%3Ftab%3Daudit');
  });

  it('labels its fields for password managers and screen readers', async () => {
    api(() => json(401, {}));
    await renderApp('/login');
    expect(await screen.findByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('language-switch')).toBeInTheDocument();
  });

  it('says so in the page when the username or password is wrong, and stays', async () => {
    const calls = api(() => json(401, { message: 'Invalid username or password' }));
    const app = await renderApp('/login?next=%2Fadmin');
    await signIn('lin', 'not the password');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(app.at()).toBe('/login?next=%2Fadmin');
    expect(calls[0]).toMatchObject({ path: '/api/v1/auth/login', body: { username: 'lin', password: 'not the password' } });
  });

  it('asks to wait a minute when throttled (429)', async () => {
    api(() => json(429, { message: 'ThrottlerException: Too Many Requests' }));
    await renderApp('/login');
    await signIn('lin', 'whatever it is');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Wait a minute, then try again.');
  });

  it('goes on to `next` after signing in, and shows who is signed in', async () => {
    api(() => json(200, signedIn));
    const app = await renderApp('/login?next=%2Fadmin%3Ftab%3Daudit');
    await signIn('lin', 'correct horse battery');
    await screen.findByTestId('admin-audit');
    expect(app.at()).toBe('/admin?tab=audit');
    expect(screen.getByTestId('signed-in')).toHaveTextContent('Lin Na');
    expect(screen.getByTestId('signed-in')).toHaveTextContent('Administrator');
    expect(localStorage.getItem(REFRESH_KEY)).toBe('refresh-1');
  });

  it('shows the login page in Chinese', async () => {
    api(() => json(401, {}));
    await renderApp('/login', 'zh-CN');
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toBeInTheDocument();
    expect(screen.getByLabelText('密码')).toBeInTheDocument();
  });

  it('sends a session that ended back to sign in, with where it was as `next`', async () => {
    seedSession({ accessToken: 'old', refreshToken: 'refresh-spent' });
    const calls = stubFetch(() => json(401, {})); // every request and the refresh: refused
    const app = await renderApp('/admin?tab=audit');
    await waitFor(() => expect(app.at()).toBe('/login?next=%2Fadmin%3Ftab%3Daudit'));
    expect(await screen.findByText('Your session has ended. Sign in again to continue.')).toBeInTheDocument();
    expect(calls.filter((call) => call.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });
});

describe('safeNext', () => {
  it('keeps a page of this app and refuses anything else', () => {
    expect(safeNext('/compare?from=2026-11-01')).toBe('/compare?from=2026-11-01');
    expect(safeNext('//evil.example/x')).toBeUndefined();
    expect(safeNext('/\\evil.example')).toBeUndefined();
    expect(safeNext('https://evil.example')).toBeUndefined();
    expect(safeNext('/login?next=/admin')).toBeUndefined();
    expect(safeNext(undefined)).toBeUndefined();
  });
});
