import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE, requireActor } from './session.plugin.ts';
import { changePassword, login, logout, userView } from './users.service.ts';

export async function authRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const csrfFor = (reply: any, token: string) => reply.generateCsrf({ userInfo: token });

  r.post('/auth/login', {
    schema: { tags: ['auth'], body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }) },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { token, user, expires } = await login(ctx, req.body.username, req.body.password, req.ip);
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https', expires });
    return { user: userView(ctx, user), csrfToken: csrfFor(reply, token) };
  });

  r.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    const actor = requireActor(req);
    await logout(ctx, req.cookies[SESSION_COOKIE]!, actor);
    app.forgetSessions();
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/auth/me', { schema: { tags: ['auth'] } }, async (req, reply) => {
    requireActor(req);
    return { user: userView(ctx, req.user!), csrfToken: csrfFor(reply, req.cookies[SESSION_COOKIE]!) };
  });

  r.post('/auth/password', {
    schema: { tags: ['auth'], body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }) },
  }, async (req, reply) => {
    await changePassword(ctx, requireActor(req), req.body.currentPassword, req.body.newPassword);
    app.forgetSessions();
    return reply.status(204).send();
  });
}
