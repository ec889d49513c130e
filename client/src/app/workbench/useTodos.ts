import type { WorkbenchTodo } from '../../api/types';
import { useQueryApi } from '../services';

/** The query key of `GET /api/me/todos` (openapi-react-query's `[method, path]`), refreshed after any change. */
export const todosKey = ['get', '/api/me/todos'] as const;

/** The caller's to-dos from every module (`GET /api/me/todos`); refreshed after any change (see App's mutation cache). */
export function useTodos(enabled = true) {
  return useQueryApi().useQuery('get', '/api/me/todos', undefined, {
    enabled,
    refetchInterval: 120_000,
    select: (response) => response.todos,
  });
}

/** The sum of the counts of the given to-do keys: a navigation item's badge. */
export function badgeCount(todos: readonly WorkbenchTodo[] | undefined, keys: readonly string[] | undefined): number {
  if (!todos || !keys) return 0;
  return todos.filter((t) => keys.includes(t.key)).reduce((sum, t) => sum + t.count, 0);
}
