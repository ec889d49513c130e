import createQueryClient from 'openapi-react-query';
import type { Api } from './client';
import type { paths } from './schema';

/**
 * Typed TanStack Query hooks for every endpoint, inferred from the generated schema:
 * `query.useQuery('get', '/api/staffing/workers/{id}', { params: { path: { id } } })` returns the endpoint's response
 * type, and `query.useMutation('post', '/api/staffing/posts')` takes its request. Query keys are
 * `[method, path, init]`, so a module's queries are found by their path (see {@link pathStartsWith}).
 */
export type QueryHooks = ReturnType<typeof createQueryClient<paths>>;

/** Over a client created with `throwOnFailure`, so that failures reach TanStack Query as {@link ApiError}s. */
export function createQueryHooks(api: Api): QueryHooks {
  return createQueryClient<paths>(api);
}

/** A query-key predicate: every cached answer of the endpoints under `prefix` (e.g. `/api/staffing/`). */
export function pathStartsWith(prefix: string) {
  return ({ queryKey }: { queryKey: readonly unknown[] }) => {
    const path = queryKey[1];
    return typeof path === 'string' && path.startsWith(prefix);
  };
}
