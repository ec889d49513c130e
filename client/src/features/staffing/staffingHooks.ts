import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { fileNameFrom, saveBlob, uploadWithSession } from '../../api/files';
import { ApiError, asProblem } from '../../api/problem';
import type {
  ChangeWorkerStatusRequest,
  CreatePostingRequest,
  CreatePostRequest,
  CreateRotationRequest,
  CreateWorkerRequest,
  DueForRotationPage,
  HeadcountSummary,
  ImportReport,
  ImportResult,
  NationalCodeTables,
  Post,
  PostPage,
  Posting,
  RevealId,
  RotationCounts,
  RotationDecisionRequest,
  RotationRequest,
  RotationRequestPage,
  StaffingSettings,
  UpdatePostRequest,
  UpdateWorkerRequest,
  Worker,
  WorkerListQuery,
  WorkerPage,
} from '../../api/types';
import { useLocale } from '../../app/i18n';
import { useApi, useServices, type Services } from '../../app/services';

const staffingKey = ['staffing'] as const;
const workersKey = [...staffingKey, 'workers'] as const;
const postsKey = [...staffingKey, 'posts'] as const;
const rotationsKey = [...staffingKey, 'rotations'] as const;

/** Any staffing change can move headcounts, postings and requests at once: refresh the module's queries. */
function useInvalidateStaffing() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffingKey });
}

// ---- reference data ----

export function useCodes() {
  const api = useApi();
  return useQuery({
    queryKey: [...staffingKey, 'codes'],
    queryFn: async () => (await unwrap(api.GET('/api/staffing/codes'))) as NationalCodeTables,
    staleTime: Infinity,
  });
}

export function useStaffingSettings(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...staffingKey, 'settings'],
    queryFn: async () => (await unwrap(api.GET('/api/staffing/settings'))) as StaffingSettings,
    staleTime: 5 * 60_000,
    enabled,
  });
}

// ---- workers ----

export function useWorkers(query: WorkerListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...workersKey, 'list', query],
    queryFn: async () => (await unwrap(api.GET('/api/staffing/workers', { params: { query } }))) as WorkerPage,
    placeholderData: keepPreviousData,
  });
}

export function useWorker(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...workersKey, 'detail', id],
    queryFn: async () =>
      (await unwrap(api.GET('/api/staffing/workers/{id}', { params: { path: { id: id ?? '' } } }))) as Worker,
    enabled: id !== undefined,
  });
}

/** The signed-in worker's own record; 404 when the account is linked to none. */
export function useMyWorker() {
  const api = useApi();
  return useQuery({
    queryKey: [...workersKey, 'me'],
    queryFn: async () => (await unwrap(api.GET('/api/staffing/workers/me'))) as Worker,
  });
}

export function useCreateWorker() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async (body: CreateWorkerRequest) => (await unwrap(api.POST('/api/staffing/workers', { body }))) as Worker,
    onSuccess: () => invalidate(),
  });
}

export function useUpdateWorker() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateWorkerRequest }) =>
      (await unwrap(api.PUT('/api/staffing/workers/{id}', { params: { path: { id } }, body }))) as Worker,
    onSettled: () => invalidate(),
  });
}

export function useChangeWorkerStatus() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ChangeWorkerStatusRequest }) =>
      (await unwrap(api.POST('/api/staffing/workers/{id}/status', { params: { path: { id } }, body }))) as Worker,
    onSettled: () => invalidate(),
  });
}

/** Reveals the full ID number (audited by the host); the answer is kept by the caller, not in the cache. */
export function useRevealId() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      (await unwrap(
        api.POST('/api/staffing/workers/{id}/reveal-id', { params: { path: { id } }, body: { reason } }),
      )) as RevealId,
  });
}

// ---- downloads ----

async function saveResponse(call: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback: string) {
  const outcome = await call;
  const blob = await unwrap(Promise.resolve(outcome));
  saveBlob(blob, fileNameFrom(outcome.response.headers.get('Content-Disposition'), fallback));
}

export function useDownloadTemplate() {
  const api = useApi();
  return useMutation({
    mutationFn: (fallback: string) =>
      saveResponse(api.GET('/api/staffing/workers/import-template', { parseAs: 'blob' }), fallback),
  });
}

export function useExportRoster() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ query, fallback }: { query: WorkerListQuery; fallback: string }) =>
      saveResponse(api.GET('/api/staffing/workers/export', { params: { query }, parseAs: 'blob' }), fallback),
  });
}

export function useExportRosterWithIds() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ query, reason, fallback }: { query: WorkerListQuery; reason: string; fallback: string }) =>
      saveResponse(
        api.POST('/api/staffing/workers/export-with-ids', { params: { query }, body: { reason }, parseAs: 'blob' }),
        fallback,
      ),
  });
}

/** The uploaded sheet back with a 校验结果 column saying what is wrong in each row. */
export function useDownloadErrorReport() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ file, fallback }: { file: File; fallback: string }) =>
      saveResponse(
        api.POST('/api/staffing/workers/import/error-report', {
          // The typed body names the form field; bodySerializer sends the real multipart form.
          body: { file: file.name },
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', file, file.name);
            return form;
          },
          parseAs: 'blob',
        }),
        fallback,
      ),
  });
}

// ---- import (XMLHttpRequest for upload progress) ----

async function upload<T>(
  session: Services['session'],
  language: string,
  url: string,
  file: File,
  onProgress?: (percent: number | null) => void,
): Promise<T> {
  const response = await uploadWithSession(session, { url, file, fileName: file.name, language, onProgress });
  if (response.status >= 200 && response.status < 300) return response.body as T;
  throw new ApiError(response.status, asProblem(response.body));
}

interface UploadArgs {
  file: File;
  onProgress?: (percent: number | null) => void;
}

/** Checks the sheet without writing anything (`import/check`). */
export function useCheckImport() {
  const { session } = useServices();
  const [locale] = useLocale();
  return useMutation({
    mutationFn: ({ file, onProgress }: UploadArgs) =>
      upload<ImportReport>(session, locale, '/api/staffing/workers/import/check', file, onProgress),
  });
}

/** Imports every row or none: a sheet with errors is refused with 422 `import-invalid` and its `rowErrors`. */
export function useImportRoster() {
  const { session } = useServices();
  const [locale] = useLocale();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: ({ file, onProgress }: UploadArgs) =>
      upload<ImportResult>(session, locale, '/api/staffing/workers/import', file, onProgress),
    onSuccess: () => invalidate(),
  });
}

// ---- posts, postings, headcount ----

export interface PostQuery {
  orgUnitId?: string;
  postType?: string;
  hasVacancy?: boolean;
  status?: string;
  page?: number;
  pageSize?: number;
}

export function usePosts(query: PostQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...postsKey, 'list', query],
    queryFn: async () => (await unwrap(api.GET('/api/staffing/posts', { params: { query } }))) as PostPage,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Posts with a free place in the signed-in worker's own street: what they may ask to rotate into. */
export function useOpenPostsForMe(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...postsKey, 'open-for-me'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/staffing/posts/open-for-me', { params: { query: { pageSize: 200 } } }))) as PostPage,
    enabled,
  });
}

export function useHeadcount(orgUnitId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...postsKey, 'headcount', orgUnitId ?? null],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/staffing/headcount', { params: { query: orgUnitId ? { orgUnitId } : {} } }),
      )) as HeadcountSummary,
  });
}

/** Units whose workers fall short of or exceed their staffing norm (the HR workbench card's list). */
export function useNormDeviations(query: { page: number; pageSize: number; normStatus?: 'short' | 'over' }) {
  const api = useApi();
  return useQuery({
    queryKey: [...postsKey, 'norm-deviations', query],
    queryFn: async () => await unwrap(api.GET('/api/staffing/headcount/norm-deviations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreatePost() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async (body: CreatePostRequest) => (await unwrap(api.POST('/api/staffing/posts', { body }))) as Post,
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePost() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdatePostRequest }) =>
      (await unwrap(api.PUT('/api/staffing/posts/{id}', { params: { path: { id } }, body }))) as Post,
    onSettled: () => invalidate(),
  });
}

export function useClosePost() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      (await unwrap(api.POST('/api/staffing/posts/{id}/close', { params: { path: { id } }, body: { version } }))) as Post,
    onSettled: () => invalidate(),
  });
}

/** A worker's postings, newest first with the active ones on top. */
export function useWorkerPostings(workerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...workersKey, 'postings', workerId],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/staffing/workers/{id}/postings', { params: { path: { id: workerId ?? '' } } }),
      )) as Posting[],
    enabled: workerId !== undefined,
  });
}

export function useCreatePosting() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async (body: CreatePostingRequest) =>
      (await unwrap(api.POST('/api/staffing/postings', { body }))) as Posting,
    onSuccess: () => invalidate(),
  });
}

export function useEndPosting() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async ({ id, endedOn, endReason, version }: { id: string; endedOn: string; endReason: string; version: number }) =>
      (await unwrap(
        api.POST('/api/staffing/postings/{id}/end', { params: { path: { id } }, body: { endedOn, endReason, version } }),
      )) as Posting,
    onSettled: () => invalidate(),
  });
}

// ---- rotations ----

export function useDueForRotation(page: number, pageSize: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...rotationsKey, 'due', page, pageSize],
    queryFn: async () =>
      (await unwrap(api.GET('/api/staffing/rotations/due', { params: { query: { page, pageSize } } }))) as DueForRotationPage,
    placeholderData: keepPreviousData,
  });
}

export interface RotationQuery {
  status?: string;
  workerId?: string;
  page?: number;
  pageSize?: number;
}

export function useRotationRequests(query: RotationQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...rotationsKey, 'requests', query],
    queryFn: async () =>
      (await unwrap(api.GET('/api/staffing/rotation-requests', { params: { query } }))) as RotationRequestPage,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRotationCounts() {
  const api = useApi();
  return useQuery({
    queryKey: [...rotationsKey, 'counts'],
    queryFn: async () => (await unwrap(api.GET('/api/staffing/rotation-requests/counts'))) as RotationCounts,
  });
}

export function useCreateRotation() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async (body: CreateRotationRequest) =>
      (await unwrap(api.POST('/api/staffing/rotation-requests', { body }))) as RotationRequest,
    onSuccess: () => invalidate(),
  });
}

export type RotationAction = 'submit' | 'withdraw';

export function useRotationStep() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async ({ id, action, version }: { id: string; action: RotationAction; version: number }) => {
      const options = { params: { path: { id } }, body: { version } };
      return (await unwrap(
        action === 'submit'
          ? api.POST('/api/staffing/rotation-requests/{id}/submit', options)
          : api.POST('/api/staffing/rotation-requests/{id}/withdraw', options),
      )) as RotationRequest;
    },
    onSettled: () => invalidate(),
  });
}

export function useDecideRotation() {
  const api = useApi();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: async ({ id, approve, body }: { id: string; approve: boolean; body: RotationDecisionRequest }) => {
      const options = { params: { path: { id } }, body };
      return (await unwrap(
        approve
          ? api.POST('/api/staffing/rotation-requests/{id}/approve', options)
          : api.POST('/api/staffing/rotation-requests/{id}/reject', options),
      )) as RotationRequest;
    },
    // A 409 (someone decided first) also means the list is stale.
    onSettled: (_data, error) => (error === null || error instanceof ApiError ? invalidate() : undefined),
  });
}
