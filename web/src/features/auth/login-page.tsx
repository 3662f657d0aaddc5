import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { landingPage } from '../../lib/principal';
import { session, SignInError } from '../../lib/session';
import { useSession } from '../../lib/use-session';
import { safeNext } from './next-path';
import './auth.css';

type Problem = 'credentials' | 'throttled' | 'unavailable';

function problemOf(error: unknown): Problem {
  if (error instanceof SignInError && error.status === 401) return 'credentials';
  if (error instanceof SignInError && error.status === 429) return 'throttled';
  return 'unavailable';
}

/** Username and password; afterwards the page the user was sent here from (`next`), else their first page. */
export function LoginPage({ next }: { next?: string }) {
  const { t } = useTranslation('auth');
  const { t: common } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const state = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const expired = state.kind === 'none' && state.ended === 'expired';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const principal = await session.signIn(username, password);
      // Nothing cached for the previous user may show to this one.
      client.clear();
      void navigate(safeNext(next) ?? `/${landingPage(principal.role) ?? ''}`, { replace: true });
    } catch (error) {
      setProblem(problemOf(error));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <header className="login-header">
        <span className="brand">{common('appName')}</span>
        <LanguageSwitch />
      </header>
      <main className="login-main">
        <form
          className="login-form panel"
          onSubmit={(event) => void submit(event)}
          aria-labelledby={`${id}-title`}
          data-testid="login-form"
        >
          <h1 id={`${id}-title`}>{t('login.title')}</h1>
          {expired && !problem && <p className="login-note">{t('login.expired')}</p>}
          <label htmlFor={`${id}-username`}>{t('login.username')}</label>
          <input
            id={`${id}-username`}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
          <label htmlFor={`${id}-password`}>{t('login.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {problem && (
            <p role="alert" className="login-problem" data-testid="login-problem">
              {t(`login.problems.${problem}`)}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
