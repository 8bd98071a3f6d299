// The one way the client talks to the REST API: same-origin fetch with the session cookie, the CSRF header on every
// state change, and every failure turned into an ApiError that carries the server's error code.

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Status 0: the request never got an answer (offline, server down). */
export const NETWORK_ERROR = 'network';

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

let csrfToken: string | null = null;

/** The server hands out a CSRF token with the session (and a new one whenever the session is re-issued). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
const activityListeners = new Set<Listener>();

/** Called when a request that needed a session is answered 401: the session has ended on the server. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Called after every answered request: each one resets the server's idle timer. */
export function onActivity(listener: Listener): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Query parameters; undefined and empty values are left out. */
  query?: Record<string, string | number | boolean | undefined | null>;
  /** A 401 here is an expected answer (wrong password), not a lost session. */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
  /** The answer is a file: resolve with its bytes instead of parsing JSON (errors are still JSON). */
  bytes?: boolean;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // The server refuses a JSON content type with an empty body, so it is only sent with a body. A FormData body
  // (an upload) sets its own multipart content type with the boundary.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  // A Blob (an image) is sent as it is, with its own type.
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined && !form)
    headers['content-type'] = raw ? (body as Blob).type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: form ? (body as FormData) : raw ? (body as Blob) : JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR, err instanceof Error ? err.message : String(err));
  }
  for (const listener of activityListeners) listener();

  if (options.bytes && response.ok) return new Uint8Array(await response.arrayBuffer()) as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // A proxy's HTML error page, for example: report the status below instead of a parse error.
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = isErrorBody(parsed)
      ? new ApiError(response.status, parsed.code, parsed.message, parsed.details)
      : new ApiError(
          response.status,
          response.status >= 500 ? 'internal_error' : 'bad_request',
          response.statusText || `HTTP ${response.status}`,
        );
    if (response.status === 401 && !options.expectUnauthorized && error.code === 'unauthenticated') {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  return parsed as T;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** A file's bytes (a material's PDF, an image). */
  bytes: (path: string, options?: RequestOptions) =>
    request<Uint8Array>('GET', path, undefined, { ...options, bytes: true }),
  /** multipart/form-data, for file uploads. */
  upload: <T>(path: string, form: FormData, options?: RequestOptions) => request<T>('POST', path, form, options),
  /** A file as the whole request body (Content-Type from the Blob: an image/png, say). */
  postFile: <T>(path: string, file: Blob, options?: RequestOptions) => request<T>('POST', path, file, options),
};
