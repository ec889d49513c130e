import { keepPreviousData } from '@tanstack/react-query';
import type { operations } from '../../../api/schema';
import { useQueryApi } from '../../../app/services';
import { useInvalidateStaffing } from './cache';

export type PostQuery = NonNullable<operations['ListPosts']['parameters']['query']>;

export function usePosts(query: PostQuery, enabled = true) {
  return useQueryApi().useQuery('get', '/api/staffing/posts', { params: { query } }, { placeholderData: keepPreviousData, enabled });
}

/** Posts with a free place in the signed-in worker's own street: what they may ask to rotate into. */
export function useOpenPostsForMe(enabled = true) {
  return useQueryApi().useQuery('get', '/api/staffing/posts/open-for-me', { params: { query: { pageSize: 200 } } }, { enabled });
}

export function useHeadcount(orgUnitId: string | undefined) {
  return useQueryApi().useQuery('get', '/api/staffing/headcount', { params: { query: orgUnitId ? { orgUnitId } : {} } });
}

export type NormDeviationsQuery = NonNullable<operations['ListNormDeviations']['parameters']['query']>;

/** Units whose workers fall short of or exceed their staffing norm (the HR workbench card's list). */
export function useNormDeviations(query: NormDeviationsQuery) {
  return useQueryApi().useQuery(
    'get',
    '/api/staffing/headcount/norm-deviations',
    { params: { query } },
    { placeholderData: keepPreviousData },
  );
}

export function useCreatePost() {
  return useQueryApi().useMutation('post', '/api/staffing/posts', { onSuccess: useInvalidateStaffing() });
}

export function useUpdatePost() {
  return useQueryApi().useMutation('put', '/api/staffing/posts/{id}', { onSettled: useInvalidateStaffing() });
}

export function useClosePost() {
  return useQueryApi().useMutation('post', '/api/staffing/posts/{id}/close', { onSettled: useInvalidateStaffing() });
}
