import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, principal, resetSession, seedSession, stubFetch, type FetchCall } from '../../lib/auth-test-support';
import { renderApp } from '../../routes/test-support';
import type { ApiToken, AuditEntry, User } from './admin-types';

const user = (overrides: Partial<User>): User => ({
  id: 'u2',
  username: 'wang',
  displayName: 'Wang Fang',
  role: 'supervisor',
  tenant: 'default',
  queues: ['billing'],
  teams: [],
  disabled: false,
  createdAt: '2026-11-20T01:00:00Z',
  ...overrides,
});

/** The admin endpoints over lists kept here, so that what the page sent shows in what it reads back. */
function adminApi(initial: { users?: User[]; tokens?: ApiToken[]; audit?: AuditEntry[] } = {}) {
  const users = [...(initial.users ?? [])];
  const tokens = [...(initial.tokens ?? [])];
  const calls = stubFetch((call: FetchCall) => {
    const body = call.body as Record<string, unknown>;
    if (call.path === '/api/v1/settings') return json(200, { timezone: 'Asia/Shanghai' });
    if (call.path === '/api/v1/audit') return json(200, { entries: initial.audit ?? [] });
    if (call.path === '/api/v1/users' && call.method === 'GET') return json(200, { users });
    if (call.path === '/api/v1/users' && call.method === 'POST') {
      const created = user({ id: `u${users.length + 10}`, displayName: '', ...body });
      users.push(created);
      return json(201, created);
    }
    if (call.path.startsWith('/api/v1/users/') && call.method === 'PATCH') {
      const found = users.find((one) => call.path.endsWith(`/${one.id}`))!;
      const { password: _password, ...change } = body;
      Object.assign(found, change);
      return json(200, found);
    }
    if (call.path === '/api/v1/tokens' && call.method === 'GET') return json(200, { tokens });
    if (call.path === '/api/v1/tokens' && call.method === 'POST') {
      const created = {
        id: `t${tokens.length + 1}`,
        tenant: 'default',
        createdBy: 'lin',
        createdAt: '2026-11-23T02:00:00Z',
        revokedAt: null,
        ...body,
      } as ApiToken;
      tokens.push(created);
      return json(201, { ...created, secret: 'cbt_s3cret' });
    }
    if (call.path.startsWith('/api/v1/tokens/') && call.method === 'DELETE') {
      const revoked = tokens.find((one) => call.path.endsWith(`/${one.id}`))!;
      revoked.revokedAt = '2026-11-23T03:00:00Z';
      return json(200, revoked);
    }
    return json(404, { message: 'Not Found' });
  });
  return calls;
}

describe('the admin page', () => {
  beforeEach(() => {
    resetSession();
    seedSession({ principal: principal({ id: 'u1', role: 'admin' }) });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('creates a wallboard token, shows its secret once with a copy button and the TV’s kiosk URL', async () => {
    const clipboard = userEvent.setup();
    const calls = adminApi();
    await renderApp('/admin?tab=tokens');
    const form = await screen.findByTestId('token-form');
    await clipboard.type(within(form).getByLabelText('Name'), 'Floor 3 TV');
    await clipboard.selectOptions(within(form).getByLabelText('Used by'), 'wallboard');
    await clipboard.type(within(form).getByLabelText('Queues'), 'billing, vip');
    await clipboard.click(within(form).getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByTestId('token-secret');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Floor 3 TV',
      role: 'wallboard',
      queues: ['billing', 'vip'],
    });
    expect(within(secret).getByTestId('token-secret-value')).toHaveTextContent(/^cbt_s3cret$/);
    expect(within(secret).getByTestId('token-kiosk-url')).toHaveTextContent(
      `${window.location.origin}/wallboard?kiosk=1&queues=billing,vip&lang=en&token=cbt_s3cret`,
    );
    await clipboard.click(within(secret).getByRole('button', { name: 'Copy: Secret' }));
    expect(await navigator.clipboard.readText()).toBe('cbt_s3cret');
    await clipboard.click(within(secret).getByRole('button', { name: 'Copy: Wallboard address for the TV' }));
    expect(await navigator.clipboard.readText()).toContain('/wallboard?kiosk=1&queues=billing,vip');

    await clipboard.click(within(secret).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText(/cbt_s3cret/)).toBeNull(); // shown once: gone for good
    expect(await screen.findByTestId('token-Floor 3 TV')).toHaveTextContent('billing, vip');
  });

  it('gives an intake token no kiosk URL, and all queues when none are named', async () => {
    const calls = adminApi();
    await renderApp('/admin?tab=tokens');
    const form = await screen.findByTestId('token-form');
    await userEvent.type(within(form).getByLabelText('Name'), 'PBX feed');
    await userEvent.selectOptions(within(form).getByLabelText('Used by'), 'intake');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    await screen.findByTestId('token-secret');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'PBX feed', role: 'intake', queues: [] });
    expect(screen.queryByTestId('token-kiosk-url')).toBeNull();
  });

  it('revokes a token only after a second, explicit click', async () => {
    const token: ApiToken = {
      id: 't7',
      name: 'Lobby TV',
      role: 'wallboard',
      tenant: 'default',
      queues: [],
      createdBy: 'lin',
      createdAt: '2026-11-01T00:00:00Z',
      revokedAt: null,
    };
    const calls = adminApi({ tokens: [token] });
    await renderApp('/admin?tab=tokens');
    const row = await screen.findByTestId('token-Lobby TV');
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    expect(calls.filter((call) => call.method === 'DELETE')).toEqual([]);
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke Lobby TV now' }));
    await waitFor(() => expect(within(screen.getByTestId('token-Lobby TV')).getByText(/^Revoked/)).toBeInTheDocument());
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(['/api/v1/tokens/t7']);
  });

  it('creates a supervisor with their queues and teams, disables a user and resets a password', async () => {
    const calls = adminApi({ users: [user({ id: 'u1', username: 'lin', role: 'admin', queues: [] }), user({})] });
    await renderApp('/admin');
    const form = await screen.findByTestId('user-form');
    await userEvent.type(within(form).getByLabelText('Username'), 'zhao');
    await userEvent.type(within(form).getByLabelText('Name'), 'Zhao Lei');
    await userEvent.type(within(form).getByLabelText('Password'), 'long enough secret');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'supervisor');
    await userEvent.type(within(form).getByLabelText('Queues'), 'vip，billing');
    await userEvent.type(within(form).getByLabelText('Teams'), 'north');
    await userEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(await within(form).findByText('User zhao created.')).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      username: 'zhao',
      password: 'long enough secret',
      displayName: 'Zhao Lei',
      role: 'supervisor',
      queues: ['vip', 'billing'],
      teams: ['north'],
    });
    expect(await screen.findByTestId('user-zhao')).toHaveTextContent('Supervisor');

    // One's own account cannot be disabled from here; another's can.
    expect(within(screen.getByTestId('user-lin')).getByRole('button', { name: 'Disable' })).toBeDisabled();
    await userEvent.click(within(screen.getByTestId('user-wang')).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(screen.getByTestId('user-wang')).toHaveTextContent('Disabled'));

    await userEvent.click(within(screen.getByTestId('user-wang')).getByRole('button', { name: 'Reset password' }));
    await userEvent.type(screen.getByLabelText('New password for wang'), 'another long one');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Password changed.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'PATCH').map((call) => [call.path, call.body])).toEqual([
      ['/api/v1/users/u2', { disabled: true }],
      ['/api/v1/users/u2', { password: 'another long one' }],
    ]);
  });

  it('lists the audit log newest first, its actions in words', async () => {
    const entry = (at: string, action: AuditEntry['action'], actor: string): AuditEntry => ({
      at,
      tenant: 'default',
      actor,
      action,
      target: '',
      outcome: 'success',
      ip: '10.0.0.8',
      details: {},
    });
    adminApi({
      audit: [
        entry('2026-11-23T01:00:00Z', 'login.succeeded', 'lin'),
        entry('2026-11-23T03:00:00Z', 'token.created', 'lin'),
        entry('2026-11-23T02:00:00Z', 'login.failed', 'user:wang'),
      ],
    });
    await renderApp('/admin?tab=audit');
    const rows = await screen.findAllByTestId('audit-entry');
    expect(rows.map((row) => row.getAttribute('data-action'))).toEqual(['token.created', 'login.failed', 'login.succeeded']);
    expect(rows[1]).toHaveTextContent('Sign-in refused');
    expect(rows[1]).toHaveTextContent('user wang');
  });
});
