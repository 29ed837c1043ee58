// The one place that talks HTTP to the API: same-origin `/api`, JSON in and out, cookies for
// the session, RFC 9457 problem bodies turned into `ApiError`, and a 401 sends the user to
// the login page (the router supplies how; see `setUnauthorizedHandler`).
import type { Problem } from '#contract/common.ts';

export const API_BASE = '/api';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

type UnauthorizedHandler = () => void;

let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') {
    const here = window.location.pathname + window.location.search;
    window.location.assign(`/login?redirectTo=${encodeURIComponent(here)}`);
  }
};

/** The router installs a client-side navigation to /login here, so no full page reload. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler) {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /**
   * A 401 normally means "the session is gone" and redirects to /login. The login call (a
   * 401 there means wrong password) and the login page's "am I signed in?" probe opt out.
   */
  redirectOn401?: boolean;
}

/** `/api` + path, with the query string; path segments are the caller's job. */
export function apiUrl(path: string, query?: Record<string, string | undefined>): string {
  let url = API_BASE + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return typeof body === 'object' && body !== null && typeof body.status === 'number' ? (body as Problem) : null;
  } catch {
    return null;
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, redirectOn401 = true } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, null, 'Cannot reach the workdiary server. Check your connection and try again.');
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && redirectOn401) onUnauthorized();
    throw new ApiError(response.status, problem, fallbackMessage(response.status));
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'This was not found, or you do not have access to it.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'The server had a problem. Please try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
};
