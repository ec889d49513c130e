import { keepPreviousData } from '@tanstack/react-query';
import type { operations } from '../../../api/schema';
import { useQueryApi } from '../../../app/services';
import { useInvalidateStaffing } from './cache';

export type DueQuery = NonNullable<operations['ListDueForRotation']['parameters']['query']>;

export function useDueForRotation(query: DueQuery) {
  return useQueryApi().useQuery('get', '/api/staffing/rotations/due', { params: { query } }, { placeholderData: keepPreviousData });
}

export type RotationQuery = NonNullable<operations['ListRotationRequests']['parameters']['query']>;

export function useRotationRequests(query: RotationQuery, enabled = true) {
  return useQueryApi().useQuery(
    'get',
    '/api/staffing/rotation-requests',
    { params: { query } },
    { placeholderData: keepPreviousData, enabled },
  );
}

export function useRotationCounts() {
  return useQueryApi().useQuery('get', '/api/staffing/rotation-requests/counts');
}

export function useCreateRotation() {
  return useQueryApi().useMutation('post', '/api/staffing/rotation-requests', { onSuccess: useInvalidateStaffing() });
}

export function useSubmitRotation() {
  return useQueryApi().useMutation('post', '/api/staffing/rotation-requests/{id}/submit', { onSettled: useInvalidateStaffing() });
}

export function useWithdrawRotation() {
  return useQueryApi().useMutation('post', '/api/staffing/rotation-requests/{id}/withdraw', { onSettled: useInvalidateStaffing() });
}

// A 409 (someone decided first) also means the list is stale: refresh either way.

export function useApproveRotation() {
  return useQueryApi().useMutation('post', '/api/staffing/rotation-requests/{id}/approve', { onSettled: useInvalidateStaffing() });
}

export function useRejectRotation() {
  return useQueryApi().useMutation('post', '/api/staffing/rotation-requests/{id}/reject', { onSettled: useInvalidateStaffing() });
}
