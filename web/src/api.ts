/**
 * The one way the web client talks to the server: JSON over fetch, the user's language in
 * Accept-Language, the CSRF token on every state-changing request, and problem+json errors
 * turned into `ApiError`s whose `detail` is already in the user's language.
 */
import type { Lang, Office, OfficeSummary, StaffUser } from './types.js';

export type FieldError = { field: string; message: string };

/**
 * `code` is the server's stable error code, or `network` (no answer) / `unexpected` (an answer
 * that is not problem+json, e.g. a proxy's HTML page); those two have no `detail`, and the UI
 * words them itself.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    readonly fieldErrors: FieldError[] = [],
    /** The existing request when the server refused a duplicate application (`code` duplicate_request). */
    readonly duplicate?: { ticket?: string; stateLabel?: { id: string; en: string }; overridable?: boolean },
  ) {
    super(detail ?? `${code} (${status})`);
    this.name = 'ApiError';
  }
}

let language: Lang = 'id';

/** Called by the language switch so that server messages come back in the chosen language. */
export function setApiLanguage(lang: Lang): void {
  language = lang;
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
let csrfToken: Promise<string> | undefined;

function csrf(): Promise<string> {
  csrfToken ??= request<{ csrfToken: string }>('GET', '/api/v1/auth/csrf').then(
    (body) => body.csrfToken,
    (error: unknown) => {
      csrfToken = undefined;
      throw error;
    },
  );
  return csrfToken;
}

/** `headers`: extra request headers (the portal's `Authorization: Bearer …`). */
type Options = { signal?: AbortSignal | undefined; headers?: Record<string, string> | undefined };

async function request<T>(method: string, path: string, body?: unknown, options: Options = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...options.headers };
  // A FormData body (an upload) sets its own multipart Content-Type with the boundary.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) headers['X-CSRF-Token'] = await csrf();

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : form ? (body as FormData) : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network', undefined);
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await problemOf(response);
  // The token's secret lives in a cookie that can expire or be cleared: fetch a fresh one, once.
  if (error.code === 'csrf' && UNSAFE.has(method) && !retried) {
    csrfToken = undefined;
    return request<T>(method, path, body, options, true);
  }
  throw error;
}

async function problemOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/.test(type)) return new ApiError(response.status, 'unexpected', undefined);
  try {
    const body = (await response.json()) as { code?: unknown; detail?: unknown; errors?: unknown; duplicate?: unknown };
    const fieldErrors = Array.isArray(body.errors)
      ? body.errors.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
      : [];
    return new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : 'unexpected',
      typeof body.detail === 'string' ? body.detail : undefined,
      fieldErrors,
      typeof body.duplicate === 'object' && body.duplicate !== null ? (body.duplicate as ApiError['duplicate']) : undefined,
    );
  } catch {
    return new ApiError(response.status, 'unexpected', undefined);
  }
}

/**
 * Sends a multipart form (an upload) or JSON and returns the raw response body as a Blob (a PDF),
 * with the same language, CSRF and problem+json handling as `request`.
 */
async function send(method: 'POST', path: string, body: FormData | unknown, retried = false): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': language, 'X-CSRF-Token': await csrf() };
  const isForm = body instanceof FormData;
  if (!isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: isForm ? body : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', undefined);
  }
  if (response.ok) return response;
  const error = await problemOf(response);
  if (error.code === 'csrf' && !retried) {
    csrfToken = undefined;
    return send(method, path, body, true);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, options?: Options) => request<T>('GET', path, undefined, options),
  post: <T = void>(path: string, body?: unknown, options?: Options) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: Options) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: Options) => request<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options?: Options) => request<T>('DELETE', path, undefined, options),
  /** multipart/form-data, e.g. a scanned document; answers JSON. */
  upload: async <T>(path: string, form: FormData) => (await (await send('POST', path, form)).json()) as T,
  /** JSON in, a file out (a receipt PDF). */
  postForBlob: async (path: string, body: unknown) => (await send('POST', path, body)).blob(),
};

// Endpoints, one function each, so pages never build URLs or guess response shapes.

export const listOffices = (signal?: AbortSignal) =>
  api.get<{ offices: OfficeSummary[] }>('/api/v1/offices', { signal }).then((r) => r.offices);

export const getOffice = (code: string, signal?: AbortSignal) =>
  api.get<{ office: Office }>(`/api/v1/offices/${encodeURIComponent(code)}`, { signal }).then((r) => r.office);

/** The signed-in member, or null when nobody is (401). */
export async function currentUser(signal?: AbortSignal): Promise<StaffUser | null> {
  try {
    return (await api.get<{ user: StaffUser }>('/api/v1/auth/me', { signal })).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (username: string, password: string) =>
  api.post<{ user: StaffUser; mustChangePassword: boolean }>('/api/v1/auth/login', { username, password });

export const signOut = () => api.post('/api/v1/auth/logout');

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post('/api/v1/auth/password', { currentPassword, newPassword });
