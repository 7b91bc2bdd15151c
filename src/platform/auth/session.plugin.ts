// Resolves the session cookie to an actor on every API request; a short in-memory cache keeps
// the hot path free of queries.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from './roles.ts';
import { findSessionUser } from './sessions.repository.ts';
import { actorOf, sessionId } from './users.service.ts';
import type { UserRow } from '../db/schema.ts';

export const SESSION_COOKIE = 'renkou_sid';
const CACHE_MS = 5_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    user: UserRow | null;
  }
}

const PUBLIC = new Set(['/api/v1/health', '/api/v1/auth/login']);
// Allowed while the initial password has not been changed yet.
const BEFORE_PASSWORD_CHANGE = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

export const sessionPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const cache = new Map<string, { user: UserRow; until: number }>();
  app.decorateRequest('actor', null);
  app.decorateRequest('user', null);
  app.decorate('forgetSessions', () => cache.clear());

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const path = req.url.split('?')[0];
    // /api/v1/public/: pages anyone may read (the benefit notice shows masked data only).
    if (!path.startsWith('/api/v1/') || PUBLIC.has(path) || path.startsWith('/api/v1/public/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError(401, 'auth.required');
    const id = sessionId(token);
    const now = Date.now();
    let hit = cache.get(id);
    if (!hit || hit.until < now) {
      const user = await findSessionUser(opts.ctx.db.kysely, id, new Date(now).toISOString());
      if (!user || user.disabled) { cache.delete(id); throw new AppError(401, 'auth.required'); }
      hit = { user, until: now + CACHE_MS };
      if (cache.size > 50_000) cache.clear();
      cache.set(id, hit);
    }
    if (hit.user.must_change_password && !BEFORE_PASSWORD_CHANGE.has(path)) throw new AppError(403, 'auth.password_change_required');
    req.user = hit.user;
    req.actor = actorOf(hit.user, req.ip);
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    forgetSessions(): void;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(401, 'auth.required');
  return req.actor;
}
