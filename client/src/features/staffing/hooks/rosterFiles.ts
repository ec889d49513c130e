import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { fileNameFrom, saveBlob, uploadWithSession } from '../../../api/files';
import { ApiError, asProblem } from '../../../api/problem';
import type { ImportReport, ImportResult, WorkerListQuery } from '../../../api/types';
import { useLocale } from '../../../app/i18n';
import { useApi, useServices, type Services } from '../../../app/services';
import { useInvalidateStaffing } from './cache';

// ---- downloads (Excel files saved by the browser, not cached) ----

export async function saveResponse(call: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback: string) {
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

// ---- import (XMLHttpRequest for upload progress, so the answer is checked here rather than typed by openapi-fetch) ----

function isImportReport(body: unknown): body is ImportReport {
  return typeof body === 'object' && body !== null && 'totalRows' in body && 'validRows' in body && 'errors' in body;
}

function isImportResult(body: unknown): body is ImportResult {
  return typeof body === 'object' && body !== null && 'imported' in body && 'postingsCreated' in body;
}

async function upload<T>(
  session: Services['session'],
  language: string,
  url: string,
  file: File,
  is: (body: unknown) => body is T,
  onProgress?: (percent: number | null) => void,
): Promise<T> {
  const response = await uploadWithSession(session, { url, file, fileName: file.name, language, onProgress });
  if (response.status >= 200 && response.status < 300 && is(response.body)) return response.body;
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
      upload(session, locale, '/api/staffing/workers/import/check', file, isImportReport, onProgress),
  });
}

/** Imports every row or none: a sheet with errors is refused with 422 `import-invalid` and its `rowErrors`. */
export function useImportRoster() {
  const { session } = useServices();
  const [locale] = useLocale();
  const invalidate = useInvalidateStaffing();
  return useMutation({
    mutationFn: ({ file, onProgress }: UploadArgs) =>
      upload(session, locale, '/api/staffing/workers/import', file, isImportResult, onProgress),
    onSuccess: () => invalidate(),
  });
}
