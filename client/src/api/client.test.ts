import { describe, expect, it, vi } from 'vitest';
import { AuthSession, type RefreshOutcome } from '../app/auth/session';
import { createApi, refreshExchange, createAuthApi, unwrap } from './client';
import { ApiError } from './problem';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const me = { id: 'u1', userName: 'hr.linfen', displayName: 'HR', role: 'hr', mustChangePassword: false };

describe('the API client', () => {
  it('sends the bearer token and the chosen language', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL) => json(200, me));
    const session = new AuthSession({ exchange: vi.fn(), storage: memoryStorage() });
    session.signIn({ accessToken: 'a1', expiresIn: 1800, refreshToken: 'r1', refreshExpiresIn: 1 });
    const api = createApi({ baseUrl: 'http://host', locale: () => 'en', fetch }, session);
    await api.GET('/api/me');
    const request = fetch.mock.calls[0]![0] as Request;
    expect(request.headers.get('Authorization')).toBe('Bearer a1');
    expect(request.headers.get('Accept-Language')).toBe('en');
    session.end();
  });

  it('refreshes once on a 401 and repeats the request, body included, with the new token', async () => {
    const seen: { auth: string | null; body: string }[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const request = input as Request;
      seen.push({ auth: request.headers.get('Authorization'), body: await request.text() });
      return seen.length === 1 ? new Response(null, { status: 401 }) : new Response(null, { status: 204 });
    });
    const exchange = vi.fn(
      async (): Promise<RefreshOutcome> => ({
        kind: 'ok',
        tokens: { accessToken: 'a2', expiresIn: 1800, refreshToken: 'r2', refreshExpiresIn: 1 },
      }),
    );
    const session = new AuthSession({ exchange, storage: memoryStorage() });
    session.signIn({ accessToken: 'a1', expiresIn: 1800, refreshToken: 'r1', refreshExpiresIn: 1 });
    const api = createApi({ baseUrl: 'http://host', locale: () => 'zh-CN', fetch }, session);

    const { response } = await api.POST('/api/me/password', { body: { currentPassword: 'x', newPassword: 'y' } });
    expect(response.status).toBe(204);
    expect(exchange).toHaveBeenCalledWith('r1');
    expect(seen.map((s) => s.auth)).toEqual(['Bearer a1', 'Bearer a2']);
    expect(seen[1]!.body).toBe(seen[0]!.body);
    session.end();
  });

  it('with throwOnFailure, rejects a failed call with an ApiError, after refreshing on a 401', async () => {
    const answers = [
      new Response(null, { status: 401 }),
      json(404, { type: 'urn:cw:problem:not-found', status: 404, title: 'Not found' }, 'application/problem+json'),
      new Response(null, { status: 412 }),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    const exchange = vi.fn(
      async (): Promise<RefreshOutcome> => ({
        kind: 'ok',
        tokens: { accessToken: 'a2', expiresIn: 1800, refreshToken: 'r2', refreshExpiresIn: 1 },
      }),
    );
    const session = new AuthSession({ exchange, storage: memoryStorage() });
    session.signIn({ accessToken: 'a1', expiresIn: 1800, refreshToken: 'r1', refreshExpiresIn: 1 });
    const api = createApi({ baseUrl: 'http://host', locale: () => 'zh-CN', fetch }, session, { throwOnFailure: true });

    const notFound = await api.GET('/api/me').catch((e: unknown) => e);
    const noBody = await api.GET('/api/me').catch((e: unknown) => e);

    expect(exchange).toHaveBeenCalledTimes(1);
    expect(notFound).toBeInstanceOf(ApiError);
    expect(notFound instanceof ApiError && notFound.status).toBe(404);
    expect(notFound instanceof ApiError && notFound.problem?.title).toBe('Not found');
    expect(noBody instanceof ApiError && noBody.status).toBe(412);
    session.end();
  });

  it('ends the session when the refresh token is refused', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 401 }));
    const session = new AuthSession({ exchange: async () => ({ kind: 'rejected' }), storage: memoryStorage() });
    session.signIn({ accessToken: 'a1', expiresIn: 1800, refreshToken: 'r1', refreshExpiresIn: 1 });
    const api = createApi({ baseUrl: 'http://host', locale: () => 'zh-CN', fetch }, session);
    await expect(unwrap(api.GET('/api/me'))).rejects.toBeInstanceOf(ApiError);
    expect(session.canResume()).toBe(false);
  });

  it('maps the refresh endpoint onto outcomes: 200 ok, 401 rejected, 5xx transient', async () => {
    const answers = [
      json(200, { accessToken: 'a', tokenType: 'Bearer', expiresIn: 60, refreshToken: 'r', refreshExpiresIn: 600 }),
      json(401, { type: 'urn:cw:problem:invalid-refresh-token', status: 401 }, 'application/problem+json'),
      new Response('oops', { status: 503 }),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    const exchange = refreshExchange(createAuthApi({ baseUrl: 'http://host', locale: () => 'zh-CN', fetch }));
    expect((await exchange('r0')).kind).toBe('ok');
    expect((await exchange('r0')).kind).toBe('rejected');
    expect((await exchange('r0')).kind).toBe('failed');
  });

  it('turns a problem+json answer into an ApiError carrying the problem', async () => {
    const fetch = vi.fn(async () =>
      json(409, { type: 'urn:cw:problem:version-conflict', title: 'Conflict', status: 409 }, 'application/problem+json'),
    );
    const session = new AuthSession({ exchange: vi.fn(), storage: memoryStorage() });
    const api = createApi({ baseUrl: 'http://host', locale: () => 'zh-CN', fetch }, session);
    const error = await unwrap(api.GET('/api/me')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).type).toBe('urn:cw:problem:version-conflict');
  });
});
