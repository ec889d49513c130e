import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthSession, refreshDelayMs, refreshTokenKey, type RefreshOutcome, type TokenSet } from './session';

const tokens = (n: number, expiresIn = 1800): TokenSet => ({
  accessToken: `access-${n}`,
  expiresIn,
  refreshToken: `refresh-${n}`,
  refreshExpiresIn: 604800,
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('refreshDelayMs', () => {
  it('refreshes a minute before expiry', () => {
    expect(refreshDelayMs(1800)).toBe(1_740_000);
    expect(refreshDelayMs(3600 * 10)).toBe(36_000_000 - 60_000);
  });

  it('refreshes a short-lived token at 80 % of its life', () => {
    expect(refreshDelayMs(60)).toBe(48_000);
  });

  it('never schedules sooner than five seconds', () => {
    expect(refreshDelayMs(3)).toBe(5_000);
  });
});

describe('AuthSession', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the access token in memory and the refresh token in the given storage', () => {
    const storage = memoryStorage();
    const session = new AuthSession({ exchange: vi.fn(), storage });
    session.signIn(tokens(1));
    expect(session.accessToken).toBe('access-1');
    expect(storage.getItem(refreshTokenKey)).toBe('refresh-1');
    expect(session.canResume()).toBe(true);
  });

  it('after a reload, a busy server (429) keeps the session and says so; the retry resumes it', async () => {
    const storage = memoryStorage();
    storage.setItem(refreshTokenKey, 'refresh-1');
    const exchange = vi
      .fn<(token: string) => Promise<RefreshOutcome>>()
      .mockResolvedValueOnce({ kind: 'failed' })
      .mockResolvedValueOnce({ kind: 'ok', tokens: tokens(2) });
    const session = new AuthSession({ exchange, storage, retryDelayMs: 1_000 });
    const events: string[] = [];
    session.subscribe((e) => events.push(e));

    expect(await session.refresh()).toBe(false);
    expect(session.lastRefreshOutcome).toBe('failed');
    expect(session.canResume()).toBe(true);
    expect(events).toEqual([]);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(session.lastRefreshOutcome).toBe('ok');
    expect(session.accessToken).toBe('access-2');
    expect(events).toEqual(['refreshed']);
  });

  it('a refused refresh token ends the session with an event, so the sign-in page can say why', async () => {
    const storage = memoryStorage();
    storage.setItem(refreshTokenKey, 'refresh-1');
    const session = new AuthSession({ exchange: async () => ({ kind: 'rejected' }), storage });
    const events: string[] = [];
    session.subscribe((e) => events.push(e));

    expect(await session.refresh()).toBe(false);
    expect(session.lastRefreshOutcome).toBe('rejected');
    expect(session.canResume()).toBe(false);
    expect(events).toEqual(['ended']);
  });

  it('refreshes shortly before expiry and stores the rotated refresh token', async () => {
    const exchange = vi.fn(async (): Promise<RefreshOutcome> => ({ kind: 'ok', tokens: tokens(2) }));
    const session = new AuthSession({ exchange, storage: memoryStorage() });
    session.signIn(tokens(1));

    await vi.advanceTimersByTimeAsync(refreshDelayMs(1800) - 1);
    expect(exchange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exchange).toHaveBeenCalledWith('refresh-1');
    expect(session.accessToken).toBe('access-2');
    expect(session.refreshToken).toBe('refresh-2');
  });

  it('uses each rotated token only once, the next refresh presenting the newest', async () => {
    let n = 1;
    const exchange = vi.fn(async (_token: string): Promise<RefreshOutcome> => ({ kind: 'ok', tokens: tokens(++n) }));
    const session = new AuthSession({ exchange, storage: memoryStorage() });
    session.signIn(tokens(1));
    await session.refresh();
    await session.refresh();
    expect(exchange.mock.calls.map((c) => c[0])).toEqual(['refresh-1', 'refresh-2']);
    expect(session.refreshToken).toBe('refresh-3');
  });

  it('shares one exchange between concurrent callers, so that a token is never presented twice', async () => {
    let release: (o: RefreshOutcome) => void = () => {};
    const exchange = vi.fn(() => new Promise<RefreshOutcome>((resolve) => (release = resolve)));
    const session = new AuthSession({ exchange, storage: memoryStorage() });
    session.signIn(tokens(1));
    const first = session.refresh();
    const second = session.refresh();
    release({ kind: 'ok', tokens: tokens(2) });
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(exchange).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the server rejects the refresh token (revoked, expired or reused)', async () => {
    const storage = memoryStorage();
    const session = new AuthSession({ exchange: async () => ({ kind: 'rejected' }), storage });
    const events: string[] = [];
    session.subscribe((e) => events.push(e));
    session.signIn(tokens(1));
    expect(await session.refresh()).toBe(false);
    expect(session.accessToken).toBeNull();
    expect(storage.getItem(refreshTokenKey)).toBeNull();
    expect(events).toEqual(['signed-in', 'ended']);
  });

  it('keeps the tokens after a transient failure and tries again later', async () => {
    const exchange = vi
      .fn<(token: string) => Promise<RefreshOutcome>>()
      .mockRejectedValueOnce(new TypeError('network down'))
      .mockResolvedValueOnce({ kind: 'ok', tokens: tokens(2) });
    const session = new AuthSession({ exchange, storage: memoryStorage(), retryDelayMs: 10_000 });
    session.signIn(tokens(1));
    expect(await session.refresh()).toBe(false);
    expect(session.accessToken).toBe('access-1');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(exchange).toHaveBeenCalledTimes(2);
    expect(session.accessToken).toBe('access-2');
  });

  it('forgets everything and stops refreshing on sign-out', async () => {
    const exchange = vi.fn(async (): Promise<RefreshOutcome> => ({ kind: 'ok', tokens: tokens(2) }));
    const storage = memoryStorage();
    const session = new AuthSession({ exchange, storage });
    session.signIn(tokens(1));
    session.end();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(exchange).not.toHaveBeenCalled();
    expect(session.canResume()).toBe(false);
  });

  it('resumes after a reload from the stored refresh token', async () => {
    const storage = memoryStorage();
    storage.setItem(refreshTokenKey, 'refresh-7');
    const exchange = vi.fn(async (): Promise<RefreshOutcome> => ({ kind: 'ok', tokens: tokens(8) }));
    const session = new AuthSession({ exchange, storage });
    expect(session.accessToken).toBeNull();
    expect(await session.refresh()).toBe(true);
    expect(exchange).toHaveBeenCalledWith('refresh-7');
    expect(session.accessToken).toBe('access-8');
  });
});
