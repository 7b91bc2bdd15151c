// HTTP client for /api/v1: cookie session, CSRF header on unsafe methods,
// Accept-Language from the UI language, problem+json errors as ApiError.

export const API_BASE = '/api/v1';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || problem.code);
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

let csrfToken: string | null = null;
let language = 'zh-CN';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called when a request answers 401 (session gone); the auth provider signs the user out. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

// Requests whose 401 means "wrong password", not "session expired".
const CREDENTIAL_PATHS = ['/auth/login', '/auth/password', '/auth/me'];

interface Options {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(method: string, path: string, opts: Options): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body; // the browser sets the multipart boundary
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
}

async function toProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = (await res.json()) as Partial<Problem>;
      return { ...p, status: res.status, code: p.code ?? `http.${res.status}` };
    } catch {
      /* fall through */
    }
  }
  return { status: res.status, code: `http.${res.status}` };
}

async function refreshCsrf(): Promise<boolean> {
  const res = await send('GET', '/auth/me', {});
  if (!res.ok) return false;
  const me = (await res.json()) as { csrfToken?: string };
  csrfToken = me.csrfToken ?? null;
  return true;
}

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(method, path, opts);
    if (res.status === 403 && method !== 'GET') {
      const problem = await toProblem(res.clone());
      // The token may have rotated (new session in another tab): fetch a fresh one, retry once.
      if (problem.code === 'csrf.invalid' && (await refreshCsrf())) res = await send(method, path, opts);
    }
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network' });
  }
  if (!res.ok) {
    const problem = await toProblem(res);
    if (res.status === 401 && !CREDENTIAL_PATHS.includes(path)) onUnauthorized?.();
    throw new ApiError(problem);
  }
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T = void>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
};
