// Signs in through the real login route and carries the session cookie and CSRF token.
import type { FastifyInstance, InjectOptions } from 'fastify';

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<Res>;
  post(url: string, payload?: unknown): Promise<Res>;
  patch(url: string, payload?: unknown): Promise<Res>;
  delete(url: string): Promise<Res>;
  raw(opts: InjectOptions): Promise<Res>;
  cookie: string;
  csrf: string;
}

export type Res = Awaited<ReturnType<FastifyInstance['inject']>>;

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    cookie,
    csrf,
    get: (url, h = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...h } }),
    post: (url, payload) => app.inject({ method: 'POST', url, headers, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => app.inject({ method: 'PATCH', url, headers, payload: payload as InjectOptions['payload'] }),
    delete: (url) => app.inject({ method: 'DELETE', url, headers }),
    raw: (opts) => app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } }),
  };
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = `----renkou${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
