import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ApiError, problemTypes } from '../../api/problem';
import type {
  CloseOrgUnitRequest,
  CreateOrgUnitRequest,
  MoveOrgUnitRequest,
  OrgUnit,
  OrgUnitNode,
  OrgUnitPage,
  UpdateOrgUnitRequest,
} from '../../api/types';
import { useApi } from '../../app/services';

const orgUnitsKey = ['staffing', 'org-units'] as const;

/** The caller's subtree of the organisation (`GET /api/staffing/org-units/tree`). */
export function useOrgTree(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...orgUnitsKey, 'tree'],
    queryFn: async () => (await unwrap(api.GET('/api/staffing/org-units/tree'))) as OrgUnitNode[],
    enabled,
  });
}

export function useOrgUnit(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...orgUnitsKey, 'detail', id],
    queryFn: async () =>
      (await unwrap(api.GET('/api/staffing/org-units/{id}', { params: { path: { id: id ?? '' } } }))) as OrgUnit,
    enabled: id !== undefined,
  });
}

/** The flat, paged list; used for the search box. */
export function useOrgUnitSearch(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...orgUnitsKey, 'search', q],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/staffing/org-units', { params: { query: { q, page: 1, pageSize: 20, sort: 'code' } } }),
      )) as OrgUnitPage,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** After any change, or a version conflict, everything about org units is stale. */
function useInvalidateOrgUnits() {
  const queryClient = useQueryClient();
  return (error?: unknown) => {
    if (error && !(error instanceof ApiError && error.problem?.type === problemTypes.versionConflict)) {
      return Promise.resolve();
    }
    return queryClient.invalidateQueries({ queryKey: orgUnitsKey });
  };
}

export function useCreateOrgUnit() {
  const api = useApi();
  const invalidate = useInvalidateOrgUnits();
  return useMutation({
    mutationFn: async (body: CreateOrgUnitRequest) =>
      (await unwrap(api.POST('/api/staffing/org-units', { body }))) as OrgUnit,
    onSettled: (_data, error) => invalidate(error),
  });
}

export function useUpdateOrgUnit() {
  const api = useApi();
  const invalidate = useInvalidateOrgUnits();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateOrgUnitRequest }) =>
      (await unwrap(api.PUT('/api/staffing/org-units/{id}', { params: { path: { id } }, body }))) as OrgUnit,
    onSettled: (_data, error) => invalidate(error),
  });
}

export function useMoveOrgUnit() {
  const api = useApi();
  const invalidate = useInvalidateOrgUnits();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: MoveOrgUnitRequest }) =>
      (await unwrap(api.POST('/api/staffing/org-units/{id}/move', { params: { path: { id } }, body }))) as OrgUnit,
    onSettled: (_data, error) => invalidate(error),
  });
}

export function useCloseOrgUnit() {
  const api = useApi();
  const invalidate = useInvalidateOrgUnits();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: CloseOrgUnitRequest }) =>
      (await unwrap(api.POST('/api/staffing/org-units/{id}/close', { params: { path: { id } }, body }))) as OrgUnit,
    onSettled: (_data, error) => invalidate(error),
  });
}
