import type { ErrorBody } from '../shared/contracts/common';

export type FieldIssue = { field: string; message: string };

/** A refusal from the server, carrying its Chinese message and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** The token the server binds to the session; every unsafe request must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on a 401 outside the login and "who am I" calls (the session ended). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const QUIET_401 = ['/api/auth/login', '/api/auth/me'];

async function toError(res: Response, path: string): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  const e = body?.error;
  if (res.status === 401 && !QUIET_401.includes(path)) onUnauthorized();
  return new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `请求失败（${res.status}）`, e?.issues ?? [], e?.retryAfterSeconds);
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds "/api/x?a=1" leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) throw await toError(res, path);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  /** A body-less POST sends no content type, so the server does not expect JSON. */
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, form);
  },
};

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Fetches a file (an .xlsx export or template) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  return fetchDownload(withQuery(path, query), fallbackName, 'GET');
}

/** The same for an export the server makes on a POST (one that is audited, such as the decoded list). */
export async function downloadPost(path: string, fallbackName: string): Promise<void> {
  return fetchDownload(path, fallbackName, 'POST');
}

async function fetchDownload(url: string, fallbackName: string, method: 'GET' | 'POST'): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers: method === 'POST' && csrfToken ? { 'x-csrf-token': csrfToken } : undefined });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) throw await toError(res, url);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
