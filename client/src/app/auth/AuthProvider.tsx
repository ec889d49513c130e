import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { toTokenSet, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import { useServices } from '../services';

export type AuthStatus = 'resuming' | 'signed-out' | 'signed-in';

interface AuthValue {
  status: AuthStatus;
  /** The session ended without the user signing out (refresh token expired, revoked or reused). */
  expired: boolean;
  /** The user signed out in this tab: nothing to come back to after the next sign-in. */
  signedOut: boolean;
  /** Resuming after a reload failed for a passing reason (server busy or unreachable); the session is retrying. */
  resumeDelayed: boolean;
  retryResume: () => void;
  signIn: (userName: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export const meQueryKey = ['me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const { session, authApi } = useServices();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>(() => (session.canResume() ? 'resuming' : 'signed-out'));
  const [expired, setExpired] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [resumeDelayed, setResumeDelayed] = useState(false);
  const signingOut = useRef(false);

  useEffect(
    () =>
      session.subscribe((event) => {
        if (event === 'ended') {
          setExpired(!signingOut.current);
          setSignedOut(signingOut.current);
          signingOut.current = false;
          setStatus('signed-out');
          queryClient.clear();
        } else {
          setExpired(false);
          setSignedOut(false);
          setResumeDelayed(false);
          setStatus('signed-in');
        }
      }),
    [session, queryClient],
  );

  // A reload keeps the refresh token (sessionStorage) but not the access token: exchange it once.
  useEffect(() => {
    if (status !== 'resuming') return;
    void session.refresh().then((ok) => {
      if (ok) {
        setStatus('signed-in');
      } else if (session.lastRefreshOutcome === 'failed') {
        // Busy or unreachable, not refused: keep the session; it retries by itself, and the user is told why they wait.
        setResumeDelayed(true);
      } else if (session.lastRefreshOutcome === null) {
        setStatus('signed-out');
      }
      // 'rejected': the session has ended itself, and the 'ended' event said why (expired).
    });
  }, [session, status]);

  const retryResume = useCallback(() => void session.refresh(), [session]);

  const signIn = useCallback(
    async (userName: string, password: string) => {
      const data = await unwrap(authApi.POST('/api/auth/token', { body: { userName, password } }));
      const tokens = toTokenSet(data);
      if (!tokens) throw new ApiError(502, null);
      queryClient.clear();
      session.signIn(tokens);
    },
    [authApi, session, queryClient],
  );

  const signOut = useCallback(async () => {
    const refreshToken = session.refreshToken;
    signingOut.current = true;
    session.end();
    signingOut.current = false;
    if (refreshToken) {
      // Revoking is best effort: the tokens are already forgotten here.
      await authApi.POST('/api/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    }
  }, [authApi, session]);

  const value = useMemo(
    () => ({ status, expired, signedOut, resumeDelayed, retryResume, signIn, signOut }),
    [status, expired, signedOut, resumeDelayed, retryResume, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider> above it');
  return value;
}

/** The signed-in account (`GET /api/me`). */
export function useMe() {
  const { api } = useServices();
  const { status } = useAuth();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => unwrap(api.GET('/api/me')),
    enabled: status === 'signed-in',
    staleTime: 5 * 60_000,
  });
}
