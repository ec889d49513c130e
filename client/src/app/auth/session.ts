/**
 * The signed-in session: the access token lives in memory only; the refresh token lives in sessionStorage
 * (tab-scoped, so a reload survives and sign-out or closing the tab forgets it). Refresh tokens rotate:
 * every refresh returns a new one and presenting an old one revokes the session, so refreshes are
 * single-flight and the newest token always replaces the stored one.
 */

export interface TokenSet {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** What exchanging a refresh token gave: new tokens, a definite "no" (revoked, expired, reused), or a transient failure. */
export type RefreshOutcome = { kind: 'ok'; tokens: TokenSet } | { kind: 'rejected' } | { kind: 'failed' };

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface SessionOptions {
  exchange: (refreshToken: string) => Promise<RefreshOutcome>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  timers?: Timers;
  /** Delay before retrying after a transient failure, in ms. */
  retryDelayMs?: number;
}

export type SessionEvent = 'signed-in' | 'refreshed' | 'ended';

export const refreshTokenKey = 'cw.refreshToken';

/**
 * When to refresh an access token that lives `expiresIn` seconds: a minute before it expires, or at 80 % of
 * its life when that is later (short-lived tokens), never sooner than five seconds from now.
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifetime = expiresInSeconds * 1000;
  return Math.max(5_000, lifetime - 60_000, lifetime * 0.8);
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AuthSession {
  private access: string | null = null;
  private timer: unknown = null;
  private inflight: Promise<boolean> | null = null;
  private lastOutcome: RefreshOutcome['kind'] | null = null;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly timers: Timers;
  private readonly retryDelayMs: number;

  constructor(private readonly options: SessionOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.retryDelayMs = options.retryDelayMs ?? 30_000;
  }

  get accessToken(): string | null {
    return this.access;
  }

  get refreshToken(): string | null {
    return this.options.storage.getItem(refreshTokenKey);
  }

  /** How the last exchange went: 'failed' means a transient failure (network, 5xx, 429) that is being retried. */
  get lastRefreshOutcome(): RefreshOutcome['kind'] | null {
    return this.lastOutcome;
  }

  /** A refresh token is kept from an earlier page load of this tab. */
  canResume(): boolean {
    return this.refreshToken !== null;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signIn(tokens: TokenSet): void {
    this.store(tokens);
    this.emit('signed-in');
  }

  /**
   * Exchanges the refresh token for new tokens. Concurrent callers share one exchange, since a rotated token
   * may be presented only once. Resolves true when a fresh access token is available.
   */
  refresh(): Promise<boolean> {
    if (this.inflight) return this.inflight;
    const token = this.refreshToken;
    if (!token) return Promise.resolve(false);
    this.inflight = this.exchange(token).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Forgets every token (after sign-out, or when the server refused the refresh token). */
  end(): void {
    const hadSession = this.access !== null || this.refreshToken !== null;
    this.cancelTimer();
    this.access = null;
    this.options.storage.removeItem(refreshTokenKey);
    if (hadSession) this.emit('ended');
  }

  private async exchange(token: string): Promise<boolean> {
    let outcome: RefreshOutcome;
    try {
      outcome = await this.options.exchange(token);
    } catch {
      outcome = { kind: 'failed' };
    }
    this.lastOutcome = outcome.kind;
    if (outcome.kind === 'ok') {
      this.store(outcome.tokens);
      this.emit('refreshed');
      return true;
    }
    if (outcome.kind === 'rejected') {
      this.end();
      return false;
    }
    // Transient (network, 5xx, 429): keep the refresh token and try again later.
    this.schedule(this.retryDelayMs);
    return false;
  }

  private store(tokens: TokenSet): void {
    this.access = tokens.accessToken;
    this.options.storage.setItem(refreshTokenKey, tokens.refreshToken);
    this.schedule(refreshDelayMs(tokens.expiresIn));
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
