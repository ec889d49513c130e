import type { AuthSession } from '../app/auth/session';

/**
 * The file name a download should get: RFC 6266 `filename*=UTF-8''…` first (the host sends Chinese names that
 * way), then a plain `filename="…"`, else the fallback.
 */
export function fileNameFrom(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(contentDisposition);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || fallback;
}

/** Hands a downloaded blob to the browser as a file (the API needs a bearer token, so no plain link). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Whole percent of an upload, or null while the total is unknown. */
export function uploadPercent(loaded: number, total: number | null): number | null {
  if (!total || total <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((loaded / total) * 100)));
}

export interface UploadResponse {
  status: number;
  /** The parsed JSON body, or the text when it was not JSON, or null when empty. */
  body: unknown;
}

export interface UploadOptions {
  url: string;
  file: Blob;
  fileName: string;
  fieldName?: string;
  token: string | null;
  language: string;
  onProgress?: (percent: number | null) => void;
  /** For tests. */
  createRequest?: () => XMLHttpRequest;
}

/** One multipart upload through XMLHttpRequest, which, unlike fetch, reports upload progress. */
export function uploadOnce(options: UploadOptions): Promise<UploadResponse> {
  const xhr = options.createRequest?.() ?? new XMLHttpRequest();
  return new Promise((resolve, reject) => {
    xhr.open('POST', options.url);
    if (options.token) xhr.setRequestHeader('Authorization', `Bearer ${options.token}`);
    xhr.setRequestHeader('Accept-Language', options.language);
    xhr.upload.onprogress = (event) =>
      options.onProgress?.(uploadPercent(event.loaded, event.lengthComputable ? event.total : null));
    xhr.onload = () => {
      const text = xhr.responseText;
      let body: unknown = null;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new TypeError('Network error during upload'));
    xhr.onabort = () => reject(new TypeError('Upload aborted'));
    const form = new FormData();
    form.append(options.fieldName ?? 'file', options.file, options.fileName);
    xhr.send(form);
  });
}

/** Uploads with the session's token; on a 401 refreshes once and uploads again, like the API client does. */
export async function uploadWithSession(
  session: Pick<AuthSession, 'accessToken' | 'refresh' | 'end'>,
  options: Omit<UploadOptions, 'token'>,
): Promise<UploadResponse> {
  const first = await uploadOnce({ ...options, token: session.accessToken });
  if (first.status !== 401) return first;
  if (!(await session.refresh())) return first;
  const second = await uploadOnce({ ...options, token: session.accessToken });
  if (second.status === 401) session.end();
  return second;
}
