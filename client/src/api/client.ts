import createClient, { type Middleware } from 'openapi-fetch';
import type { AuthSession, RefreshOutcome, TokenSet } from '../app/auth/session';
import { ApiError, asProblem } from './problem';
import type { paths } from './schema';
import type { TokenResponse } from './types';

export type Api = ReturnType<typeof createClient<paths>>;

export interface ApiOptions {
  baseUrl?: string;
  /** The language the API should localise its problem messages in. */
  locale: () => string;
  fetch?: typeof globalThis.fetch;
}

const languageMiddleware = (locale: () => string): Middleware => ({
  onRequest({ request }) {
    request.headers.set('Accept-Language', locale());
    return request;
  },
});

/**
 * A failed answer rejects the call with an {@link ApiError} carrying the problem details, instead of resolving with
 * `error`: what the query hooks (openapi-react-query) need, since a 404 or 412 may come without a body.
 */
export const throwOnFailure: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text; // not JSON (a proxy's HTML page): asProblem keeps what it can
    }
    throw new ApiError(response.status, asProblem(body));
  },
};

/** The endpoints that issue and revoke tokens: no bearer token, no refresh-and-retry. */
export function createAuthApi(options: ApiOptions): Api {
  const api = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch });
  api.use(languageMiddleware(options.locale));
  return api;
}

/**
 * The client for everything else: adds the bearer token; on a 401 refreshes the session once and repeats the
 * request with the new token (a second 401 ends the session).
 */
export function createApi(options: ApiOptions, session: AuthSession, settings: { throwOnFailure?: boolean } = {}): Api {
  const api = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch });
  // Registered first, so that its onResponse runs last: after the bearer's refresh-and-retry.
  if (settings.throwOnFailure) api.use(throwOnFailure);
  const originals = new Map<string, Request>();
  const bearer: Middleware = {
    onRequest({ request, id }) {
      const token = session.accessToken;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      originals.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, options: fetchOptions }) {
      const original = originals.get(id);
      originals.delete(id);
      if (response.status !== 401 || !original) return undefined;
      if (!(await session.refresh())) return undefined;
      const retry = new Request(original);
      retry.headers.set('Authorization', `Bearer ${session.accessToken}`);
      const second = await fetchOptions.fetch(retry);
      if (second.status === 401) session.end();
      return second;
    },
    onError({ id }) {
      originals.delete(id);
      return undefined;
    },
  };
  api.use(languageMiddleware(options.locale), bearer);
  return api;
}

/** `POST /api/auth/refresh` as the session needs it: 400/401 mean the token is dead; anything else is transient. */
export function refreshExchange(authApi: Api): (refreshToken: string) => Promise<RefreshOutcome> {
  return async (refreshToken) => {
    const { data, response } = await authApi.POST('/api/auth/refresh', { body: { refreshToken } });
    const tokens = data ? toTokenSet(data) : null;
    if (tokens) return { kind: 'ok', tokens };
    if (response.status === 400 || response.status === 401) return { kind: 'rejected' };
    return { kind: 'failed' };
  };
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; throws an ApiError carrying the problem details otherwise. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, asProblem(error));
  return data as T;
}

/**
 * The body of a successful call that must return one; an ApiError with the problem details otherwise (a success
 * without a body is an error too, unlike {@link unwrap}). The feature hooks of the newer modules read through it.
 */
export async function ok<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new ApiError(response.status, asProblem(error));
  return data;
}

/** The token response as the session keeps it, or null when a part is missing. */
export function toTokenSet(r: TokenResponse): TokenSet | null {
  const { accessToken, expiresIn, refreshToken, refreshExpiresIn } = r;
  if (!accessToken || !refreshToken || expiresIn === undefined || refreshExpiresIn === undefined) return null;
  return { accessToken, expiresIn, refreshToken, refreshExpiresIn };
}
