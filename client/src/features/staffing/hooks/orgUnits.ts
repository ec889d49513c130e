import { keepPreviousData } from '@tanstack/react-query';
import { useQueryApi } from '../../../app/services';
import { useInvalidateStaffing } from './cache';

/** The caller's subtree of the organisation (`GET /api/staffing/org-units/tree`). */
export function useOrgTree(enabled = true) {
  return useQueryApi().useQuery('get', '/api/staffing/org-units/tree', {}, { enabled });
}

export function useOrgUnit(id: string | undefined) {
  return useQueryApi().useQuery(
    'get',
    '/api/staffing/org-units/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: id !== undefined },
  );
}

/** The flat, paged list; used for the search box. */
export function useOrgUnitSearch(q: string) {
  return useQueryApi().useQuery(
    'get',
    '/api/staffing/org-units',
    { params: { query: { q, page: 1, pageSize: 20, sort: 'code' } } },
    { enabled: q.length > 0, placeholderData: keepPreviousData },
  );
}

// A change to the tree (or a version conflict on it) can move paths, counts and headcounts: refresh all of staffing.

export function useCreateOrgUnit() {
  return useQueryApi().useMutation('post', '/api/staffing/org-units', { onSettled: useInvalidateStaffing() });
}

export function useUpdateOrgUnit() {
  return useQueryApi().useMutation('put', '/api/staffing/org-units/{id}', { onSettled: useInvalidateStaffing() });
}

export function useMoveOrgUnit() {
  return useQueryApi().useMutation('post', '/api/staffing/org-units/{id}/move', { onSettled: useInvalidateStaffing() });
}

export function useCloseOrgUnit() {
  return useQueryApi().useMutation('post', '/api/staffing/org-units/{id}/close', { onSettled: useInvalidateStaffing() });
}
