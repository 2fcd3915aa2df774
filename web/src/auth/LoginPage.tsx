import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, hasErrorCode } from '../api/client.ts';
import { useAuth } from './AuthProvider.tsx';
import { Brand, LangSwitch } from '../components/Header.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The server's own words in the current language; English ones start with a capital. */
function serverMessage(error: unknown, lang: 'zh' | 'en'): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (lang === 'zh') return error.messageZh;
  const m = error.message;
  return m.charAt(0).toUpperCase() + m.slice(1) + (/[.!?。]$/.test(m) ? '' : '.');
}

/**
 * Shown instead of the app while nobody is signed in. The URL hash is left alone, so after
 * signing in the reader is back on the page they asked for.
 */
export function LoginPage({ reason }: { reason: 'none' | 'expired' | 'signed-out' }) {
  const { t, lang } = useI18n();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const userId = useId();
  const passId = useId();
  const errorId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await login(username.trim(), password);
      // On success this page is replaced by the app.
    } catch (err) {
      setError(err);
      setPending(false);
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  const locked = hasErrorCode(error, 'ACCOUNT_LOCKED');
  const notice = reason === 'expired' ? t('login.expired') : reason === 'signed-out' ? t('login.signedOut') : null;

  return (
    <div className="login-screen">
      <header className="login-top">
        <div className="login-top-inner">
          <Brand link={false} />
          <LangSwitch />
        </div>
      </header>
      <main className="login-main" id="main">
        <section className="login-card" aria-labelledby="login-heading">
          <h1 id="login-heading" className="login-heading">
            {t('login.heading')}
          </h1>
          <p className="login-intro">{t('login.intro')}</p>
          {notice && !error && (
            <p className="login-notice" role="status" data-testid="login-notice">
              {notice}
            </p>
          )}
          <form className="login-form" data-testid="login-form" onSubmit={submit}>
            <div className="form-field">
              <label htmlFor={userId}>{t('login.username')}</label>
              <input
                id={userId}
                className="input"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                maxLength={64}
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                data-testid="login-username"
              />
            </div>
            <div className="form-field">
              <label htmlFor={passId}>{t('login.password')}</label>
              <input
                id={passId}
                ref={passwordRef}
                className="input"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                maxLength={256}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                data-testid="login-password"
              />
            </div>
            {error !== null && (
              <div
                className={`login-error${locked ? ' is-locked' : ''}`}
                role="alert"
                id={errorId}
                data-testid="login-error"
                data-code={error instanceof ApiError ? error.code : undefined}
              >
                <strong>{t('login.failed')}</strong>
                <span>{serverMessage(error, lang)}</span>
              </div>
            )}
            <button type="submit" className="btn btn-primary login-submit" disabled={pending} data-testid="login-submit">
              {pending ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
          <p className="login-footnote">{t('login.notice')}</p>
        </section>
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
