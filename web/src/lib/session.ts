import type { SessionTokensDto } from '@callboard/api';
import type { Principal } from './principal';

/** sessionStorage: this tab's access token, so a reload keeps it. */
export const ACCESS_KEY = 'callboard.session';
/** localStorage: the refresh token, shared by the browser's tabs. */
export const REFRESH_KEY = 'callboard.refreshToken';
/** localStorage: a TV's wallboard API token, taken from its URL once. */
export const KIOSK_KEY = 'callboard.kioskToken';

const AUTH_BASE = '/api/v1/auth';
const REFRESH_BEFORE_EXPIRY_MS = 60_000;
/** An access token this close to expiry is refreshed before use rather than sent to be refused. */
const EXPIRY_MARGIN_MS = 5_000;
const RETRY_REFRESH_MS = 15_000;
/** Signing out waits this long for the api at most: the person leaving never waits on a network that is down. */
const SIGN_OUT_WAIT_MS = 5_000;
const KIOSK_TOKEN_PREFIX = 'cbt_';

/** POST /auth/login and /auth/refresh: expiresIn in seconds. */
export type SignedIn = SessionTokensDto;

interface StoredAccess {
  accessToken: string;
  expiresAt: number;
  principal: Principal;
}

export type SessionState =
  | { kind: 'none'; ended?: 'signedOut' | 'expired' }
  /** principal: unknown until the first refresh in a new tab. */
  | { kind: 'user'; principal?: Principal }
  /** rejected: the api refused the token (revoked); the TV says so instead of looping to a login it cannot use. */
  | { kind: 'kiosk'; principal?: Principal; rejected: boolean };

export class SignInError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function postAuth(path: string, body: unknown, bearer?: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${AUTH_BASE}${path}`, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
}

function readStoredAccess(): StoredAccess | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(ACCESS_KEY) ?? 'null') as StoredAccess | null;
    return stored?.accessToken && stored.principal ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who this browser is signed in as, and the bearer for the api: a person's access token (refreshed a
 * minute before it expires, and once more when the api refuses it) or a TV's wallboard API token.
 */
export class Session {
  private state: SessionState = { kind: 'none' };
  private accessToken: string | undefined;
  private expiresAt = 0;
  private kioskToken: string | undefined;
  private refreshing: Promise<string | undefined> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.load();
    // Signing out in one tab signs out the others: their refresh token is gone.
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      if (event.key === REFRESH_KEY && event.newValue === null && this.state.kind === 'user') this.end('signedOut');
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): SessionState => this.state;

  /** (Re)reads the stored credentials: at start, and in tests. */
  load(): void {
    clearTimeout(this.refreshTimer);
    this.refreshing = undefined;
    this.kioskToken = localStorage.getItem(KIOSK_KEY) ?? undefined;
    this.accessToken = undefined;
    this.expiresAt = 0;
    if (this.kioskToken) return this.setState({ kind: 'kiosk', rejected: false });
    if (!localStorage.getItem(REFRESH_KEY)) return this.setState({ kind: 'none' });
    const stored = readStoredAccess();
    if (stored) {
      this.accessToken = stored.accessToken;
      this.expiresAt = stored.expiresAt;
      this.scheduleRefresh();
    }
    this.setState({ kind: 'user', principal: stored?.principal });
  }

  /**
   * A TV's URL carries its wallboard token once (`?token=cbt_…`): keep it, and take it out of the
   * address bar before the router reads the URL, so it is neither shown nor bookmarked again.
   */
  captureKioskToken(): void {
    const url = new URL(globalThis.location.href);
    const token = url.searchParams.get('token');
    if (token === null) return;
    url.searchParams.delete('token');
    // Commas stay commas, as in the bookmarks the wallboard itself makes (?queues=billing,vip).
    const search = url.search.replaceAll('%2C', ',');
    globalThis.history.replaceState(globalThis.history.state, '', `${url.pathname}${search}${url.hash}`);
    if (!token.startsWith(KIOSK_TOKEN_PREFIX)) return;
    this.forgetUser();
    localStorage.setItem(KIOSK_KEY, token);
    this.load();
  }

  /** The bearer to send now (refreshed first when it is about to expire); none when signed out. */
  async token(): Promise<string | undefined> {
    if (this.kioskToken) return this.kioskToken;
    if (this.state.kind !== 'user') return undefined;
    if (this.accessToken && this.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return this.accessToken;
    return this.refresh();
  }

  /**
   * The api refused `rejected` (401): a fresh token to retry with, or none (the session is over,
   * or a TV's token was revoked). Requests refused together share one refresh.
   */
  async renew(rejected: string | undefined): Promise<string | undefined> {
    if (this.kioskToken) {
      if (rejected !== this.kioskToken) return this.kioskToken;
      this.rejectKiosk();
      return undefined;
    }
    if (this.state.kind !== 'user') {
      this.end('expired');
      return undefined;
    }
    if (this.accessToken && this.accessToken !== rejected && this.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return this.accessToken;
    return this.refresh();
  }

  /** The api refused even a fresh token: to the login page (a TV: its message). */
  expire(): void {
    if (this.kioskToken) this.rejectKiosk();
    else this.end('expired');
  }

  /** A new tab (refresh token, no access token yet) or a TV (token, no principal yet) learns who it is. */
  async resume(): Promise<void> {
    if (this.state.kind === 'user') {
      await this.token();
      return;
    }
    if (this.state.kind !== 'kiosk' || !this.kioskToken) return;
    const response = await fetch(`${AUTH_BASE}/me`, { headers: { authorization: `Bearer ${this.kioskToken}` } });
    if (response.status === 401) return this.rejectKiosk();
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const principal = (await response.json()) as Principal;
    if (this.state.kind === 'kiosk') this.setState({ ...this.state, principal });
  }

  async signIn(username: string, password: string): Promise<Principal> {
    const response = await postAuth('/login', { username, password });
    const body = (await response.json().catch(() => ({}))) as Partial<SignedIn> & { message?: string };
    if (!response.ok) throw new SignInError(response.status, body.message ?? response.statusText);
    localStorage.removeItem(KIOSK_KEY);
    this.kioskToken = undefined;
    this.keep(body as SignedIn);
    return (body as SignedIn).principal;
  }

  /**
   * Ends the session at the api (its tokens are refused from then on), then forgets every
   * credential here, even when the api cannot be reached.
   */
  async signOut(): Promise<void> {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (refreshToken) {
      await postAuth('/logout', { refreshToken }, this.accessToken, AbortSignal.timeout(SIGN_OUT_WAIT_MS)).catch(() => undefined);
    }
    localStorage.removeItem(KIOSK_KEY);
    this.kioskToken = undefined;
    this.end('signedOut');
  }

  private refresh(): Promise<string | undefined> {
    this.refreshing ??= this.acrossTabs(() => this.exchangeRefreshToken()).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * A refresh token is spent on use and presenting a spent one ends the session, so tabs take turns
   * (Web Locks) and each reads the newest token from storage inside its turn.
   */
  private async acrossTabs<T>(work: () => Promise<T>): Promise<T> {
    const locks = globalThis.navigator?.locks;
    return locks ? ((await locks.request('callboard.refresh', work)) as T) : work();
  }

  private async exchangeRefreshToken(): Promise<string | undefined> {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) {
      this.end('expired');
      return undefined;
    }
    let response: Response;
    try {
      response = await postAuth('/refresh', { refreshToken });
    } catch {
      this.retryRefreshLater();
      return undefined;
    }
    if (response.status === 401) {
      this.end('expired');
      return undefined;
    }
    if (!response.ok) {
      this.retryRefreshLater();
      return undefined;
    }
    const signedIn = (await response.json()) as SignedIn;
    this.keep(signedIn);
    return signedIn.accessToken;
  }

  private keep(signedIn: SignedIn): void {
    this.accessToken = signedIn.accessToken;
    this.expiresAt = Date.now() + signedIn.expiresIn * 1000;
    const stored: StoredAccess = { accessToken: signedIn.accessToken, expiresAt: this.expiresAt, principal: signedIn.principal };
    sessionStorage.setItem(ACCESS_KEY, JSON.stringify(stored));
    localStorage.setItem(REFRESH_KEY, signedIn.refreshToken);
    this.scheduleRefresh();
    this.setState({ kind: 'user', principal: signedIn.principal });
  }

  /** A minute before expiry (half-way through a lifetime shorter than two minutes). */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    const lifetime = this.expiresAt - Date.now();
    const delay = Math.max(lifetime - REFRESH_BEFORE_EXPIRY_MS, lifetime / 2, 0);
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  private retryRefreshLater(): void {
    clearTimeout(this.refreshTimer);
    if (this.state.kind === 'user') this.refreshTimer = setTimeout(() => void this.refresh(), RETRY_REFRESH_MS);
  }

  private rejectKiosk(): void {
    if (this.state.kind === 'kiosk' && !this.state.rejected) this.setState({ ...this.state, rejected: true });
  }

  private forgetUser(): void {
    clearTimeout(this.refreshTimer);
    this.accessToken = undefined;
    this.expiresAt = 0;
    sessionStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
  }

  private end(ended: 'signedOut' | 'expired'): void {
    this.forgetUser();
    // A second refusal after signing out must not turn "signed out" into "expired" (which adds ?next).
    if (this.state.kind !== 'none' || !this.state.ended) this.setState({ kind: 'none', ended });
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session();
