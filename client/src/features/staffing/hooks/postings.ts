import { useQueryApi } from '../../../app/services';
import { useInvalidateStaffing } from './cache';

/** A worker's postings, newest first with the active ones on top. */
export function useWorkerPostings(workerId: string | undefined) {
  return useQueryApi().useQuery(
    'get',
    '/api/staffing/workers/{id}/postings',
    { params: { path: { id: workerId ?? '' } } },
    { enabled: workerId !== undefined },
  );
}

export function useCreatePosting() {
  return useQueryApi().useMutation('post', '/api/staffing/postings', { onSuccess: useInvalidateStaffing() });
}

export function useEndPosting() {
  return useQueryApi().useMutation('post', '/api/staffing/postings/{id}/end', { onSettled: useInvalidateStaffing() });
}
