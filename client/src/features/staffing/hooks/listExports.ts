import { useMutation } from '@tanstack/react-query';
import type { operations } from '../../../api/schema';
import { useApi } from '../../../app/services';
import { saveResponse } from './rosterFiles';

export type PostExportQuery = NonNullable<operations['ExportPosts']['parameters']['query']>;
export type RotationExportQuery = NonNullable<operations['ExportRotationRequests']['parameters']['query']>;

/** The post list as .xlsx, with the list's own filters (the server reads both through one request). */
export function useExportPosts() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ query, fallback }: { query: PostExportQuery; fallback: string }) =>
      saveResponse(api.GET('/api/staffing/posts/export', { params: { query }, parseAs: 'blob' }), fallback),
  });
}

/** The rotation requests as .xlsx, with the list's own filters. */
export function useExportRotations() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ query, fallback }: { query: RotationExportQuery; fallback: string }) =>
      saveResponse(api.GET('/api/staffing/rotation-requests/export', { params: { query }, parseAs: 'blob' }), fallback),
  });
}
