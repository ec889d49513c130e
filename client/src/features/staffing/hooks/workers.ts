import { keepPreviousData } from '@tanstack/react-query';
import type { WorkerListQuery } from '../../../api/types';
import { useQueryApi } from '../../../app/services';
import { useInvalidateStaffing } from './cache';

export function useWorkers(query: WorkerListQuery) {
  return useQueryApi().useQuery('get', '/api/staffing/workers', { params: { query } }, { placeholderData: keepPreviousData });
}

export function useWorker(id: string | undefined) {
  return useQueryApi().useQuery(
    'get',
    '/api/staffing/workers/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: id !== undefined },
  );
}

/** The signed-in worker's own record; 404 when the account is linked to none. */
export function useMyWorker() {
  return useQueryApi().useQuery('get', '/api/staffing/workers/me');
}

export function useCreateWorker() {
  return useQueryApi().useMutation('post', '/api/staffing/workers', { onSuccess: useInvalidateStaffing() });
}

export function useUpdateWorker() {
  return useQueryApi().useMutation('put', '/api/staffing/workers/{id}', { onSettled: useInvalidateStaffing() });
}

export function useChangeWorkerStatus() {
  return useQueryApi().useMutation('post', '/api/staffing/workers/{id}/status', { onSettled: useInvalidateStaffing() });
}

/** Reveals the full ID number (audited by the host); the answer is kept by the caller, not in the cache. */
export function useRevealId() {
  return useQueryApi().useMutation('post', '/api/staffing/workers/{id}/reveal-id');
}
