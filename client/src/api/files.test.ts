import { describe, expect, it, vi } from 'vitest';
import { fileNameFrom, uploadOnce, uploadPercent, uploadWithSession } from './files';

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name the host sends for Chinese file names', () => {
    const header = `attachment; filename=roster.xlsx; filename*=UTF-8''${encodeURIComponent('花名册导入模板.xlsx')}`;
    expect(fileNameFrom(header, 'x.xlsx')).toBe('花名册导入模板.xlsx');
  });
  it('reads a plain quoted name and falls back when there is none', () => {
    expect(fileNameFrom('attachment; filename="export.xlsx"', 'x.xlsx')).toBe('export.xlsx');
    expect(fileNameFrom(null, 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameFrom('inline', 'x.xlsx')).toBe('x.xlsx');
  });
});

describe('uploadPercent', () => {
  it('rounds and clamps, and is unknown without a total', () => {
    expect(uploadPercent(50, 200)).toBe(25);
    expect(uploadPercent(1, 3)).toBe(33);
    expect(uploadPercent(300, 200)).toBe(100);
    expect(uploadPercent(10, null)).toBeNull();
    expect(uploadPercent(10, 0)).toBeNull();
  });
});

/** A stand-in XMLHttpRequest that answers with the given status and body after reporting progress. */
function fakeXhr(status: number, body: string, seen: { headers: Record<string, string>; sent?: FormData }) {
  const xhr = {
    status: 0,
    responseText: '',
    upload: { onprogress: null as ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null },
    onload: null as (() => void) | null,
    onerror: null as (() => void) | null,
    onabort: null as (() => void) | null,
    open: vi.fn(),
    setRequestHeader: (name: string, value: string) => {
      seen.headers[name] = value;
    },
    send: (form: FormData) => {
      seen.sent = form;
      xhr.upload.onprogress?.({ loaded: 5, total: 10, lengthComputable: true });
      xhr.status = status;
      xhr.responseText = body;
      xhr.onload?.();
    },
  };
  return xhr as unknown as XMLHttpRequest;
}

describe('uploadOnce', () => {
  it('sends the file as multipart with the token and language, reports progress and parses JSON', async () => {
    const seen: { headers: Record<string, string>; sent?: FormData } = { headers: {} };
    const progress: (number | null)[] = [];
    const result = await uploadOnce({
      url: '/api/x',
      file: new Blob(['abc']),
      fileName: 'a.xlsx',
      token: 'T',
      language: 'zh-CN',
      onProgress: (p) => progress.push(p),
      createRequest: () => fakeXhr(200, '{"totalRows":3}', seen),
    });
    expect(result).toEqual({ status: 200, body: { totalRows: 3 } });
    expect(progress).toEqual([50]);
    expect(seen.headers).toEqual({ Authorization: 'Bearer T', 'Accept-Language': 'zh-CN' });
    expect((seen.sent?.get('file') as File).name).toBe('a.xlsx');
  });
});

describe('uploadWithSession', () => {
  it('refreshes once on a 401 and uploads again with the new token', async () => {
    let token = 'old';
    const session = {
      get accessToken() {
        return token;
      },
      refresh: vi.fn(async () => {
        token = 'new';
        return true;
      }),
      end: vi.fn(),
    };
    const tokens: string[] = [];
    const statuses = [401, 200];
    const result = await uploadWithSession(session, {
      url: '/api/x',
      file: new Blob(['a']),
      fileName: 'a.xlsx',
      language: 'en',
      createRequest: () => {
        const seen: { headers: Record<string, string> } = { headers: {} };
        const xhr = fakeXhr(statuses.shift() ?? 500, '{}', seen);
        const send = xhr.send.bind(xhr);
        xhr.send = (body) => {
          send(body);
          tokens.push(seen.headers.Authorization);
        };
        return xhr;
      },
    });
    expect(result.status).toBe(200);
    expect(tokens).toEqual(['Bearer old', 'Bearer new']);
    expect(session.end).not.toHaveBeenCalled();
  });
});
