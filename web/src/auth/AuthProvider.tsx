import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, clearCache, onUnauthenticated, setCsrfToken } from '../api/client.ts';
import type { Me } from '../api/types.ts';

/**
 * Who is signed in. The session is an httpOnly cookie; the page learns about it from
 * GET /auth/me and keeps the session's CSRF token in memory (never in storage).
 */
export type AuthState =
  | { status: 'checking' }
  | { status: 'error'; error: unknown }
  /** reason: why the login page is shown (nothing special, the session ended, the user signed out). */
  | { status: 'signed-out'; reason: 'none' | 'expired' | 'signed-out' }
  | { status: 'signed-in'; me: Me };

export interface Auth {
  state: AuthState;
  /** Signs in; rejects with the ApiError of the server (BAD_CREDENTIALS, ACCOUNT_LOCKED, …). */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Asks the server again who is signed in (after a network error). */
  recheck: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  // Who is signed in when the page opens (the cookie may still hold a valid session).
  useEffect(() => {
    const ctrl = new AbortController();
    api.me(ctrl.signal).then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setState({ status: 'signed-in', me });
      },
      (error: unknown) => {
        if (ctrl.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signed-out', reason: 'none' });
        else setState({ status: 'error', error });
      },
    );
    return () => ctrl.abort();
  }, [attempt]);

  // Any 401 from the API while signed in: the session expired or was ended elsewhere.
  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        clearCache();
        setState((s) =>
          s.status === 'signed-out' ? s : { status: 'signed-out', reason: s.status === 'signed-in' ? 'expired' : 'none' },
        );
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const session = await api.login(username, password);
    setCsrfToken(session.csrfToken);
    // Lists are filtered to the user's scope: nothing cached for someone else may be shown.
    clearCache();
    const me = await api.me();
    setCsrfToken(me.csrfToken ?? session.csrfToken);
    setState({ status: 'signed-in', me });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // Already signed out (401) or offline: the page forgets the session either way.
    }
    setCsrfToken(null);
    clearCache();
    setState({ status: 'signed-out', reason: 'signed-out' });
  }, []);

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((a) => a + 1);
  }, []);

  const value = useMemo<Auth>(() => ({ state, login, logout, recheck }), [state, login, logout, recheck]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The signed-in user; only for components rendered while signed in. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in user');
  return state.me;
}
