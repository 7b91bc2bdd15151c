// Session state: who is signed in. Loads GET /auth/me once, signs in and out, and drops
// the user when any request answers 401 so that the router sends them to the login page.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, isApiError, setCsrfToken, setUnauthorizedHandler } from './api';
import type { SessionAnswer, User } from './session';

type Status = 'loading' | 'ready' | 'error';

interface Auth {
  user: User | null;
  status: Status;
  /** True when the session ended by itself (expired), so the login page can say so. */
  expired: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  refresh: () => Promise<User | null>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [expired, setExpired] = useState(false);
  const userRef = useRef(user);
  userRef.current = user;

  const accept = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
    setExpired(false);
    return answer.user;
  }, []);

  const refresh = useCallback(async () => {
    try {
      const me = accept(await api.get<SessionAnswer>('/auth/me'));
      setStatus('ready');
      return me;
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        setCsrfToken(null);
        setUser(null);
        setStatus('ready');
        return null;
      }
      setStatus('error');
      throw e;
    }
  }, [accept]);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      if (userRef.current) setExpired(true);
      setUser(null);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(
    async (username: string, password: string) => accept(await api.post<SessionAnswer>('/auth/login', { username, password })),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setCsrfToken(null);
      setUser(null);
      setExpired(false);
    }
  }, []);

  const value = useMemo<Auth>(() => ({ user, status, expired, login, logout, refresh }), [user, status, expired, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return user;
}
