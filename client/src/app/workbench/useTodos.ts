import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import type { WorkbenchTodo } from '../../api/types';
import { useApi } from '../services';

export const todosKey = ['me', 'todos'] as const;

/** The caller's to-dos from every module (`GET /api/me/todos`); refreshed after any change (see App's mutation cache). */
export function useTodos(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: todosKey,
    queryFn: async () => (await unwrap(api.GET('/api/me/todos'))).todos,
    enabled,
    refetchInterval: 120_000,
  });
}

/** The sum of the counts of the given to-do keys: a navigation item's badge. */
export function badgeCount(todos: readonly WorkbenchTodo[] | undefined, keys: readonly string[] | undefined): number {
  if (!todos || !keys) return 0;
  return todos.filter((t) => keys.includes(t.key)).reduce((sum, t) => sum + t.count, 0);
}
