import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { pathStartsWith } from '../../../api/query';

/** Any staffing change can move headcounts, postings and requests at once: refresh every cached staffing answer. */
export function useInvalidateStaffing() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ predicate: pathStartsWith('/api/staffing/') }), [queryClient]);
}
