import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorWith } from '../http/guard.ts';
import { ROLE_NAMES } from './roles.ts';
import { createUser, listUsers, resetPassword, updateUser } from './users.service.ts';

const role = z.enum(ROLE_NAMES as [string, ...string[]]).transform((v) => v as (typeof ROLE_NAMES)[number]);
const areaCode = z.string().regex(/^\d{2}(\d{2})?(\d{2})?(\d{3})?(\d{3})?$/);
const idParam = z.object({ id: z.string().uuid() });

export async function usersRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/users', { schema: { tags: ['users'] } }, async (req) => ({ items: await listUsers(ctx, actorWith(req, 'users.manage')) }));

  r.post('/users', {
    schema: {
      tags: ['users'],
      body: z.object({
        username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,64}$/),
        displayName: z.string().trim().min(1).max(100),
        password: z.string().min(1).max(200),
        role,
        areaCode,
      }),
    },
  }, async (req, reply) => reply.status(201).send(await createUser(ctx, actorWith(req, 'users.manage'), req.body, { mustChangePassword: true })));

  r.patch('/users/:id', {
    schema: {
      tags: ['users'],
      params: idParam,
      body: z.object({ version: z.number().int().positive(), displayName: z.string().trim().min(1).max(100).optional(), role: role.optional(), areaCode: areaCode.optional(), disabled: z.boolean().optional() }),
    },
  }, async (req) => {
    const user = await updateUser(ctx, actorWith(req, 'users.manage'), req.params.id, req.body);
    app.forgetSessions();
    return user;
  });

  r.post('/users/:id/reset-password', { schema: { tags: ['users'], params: idParam } }, async (req) => {
    const out = await resetPassword(ctx, actorWith(req, 'users.manage'), req.params.id);
    app.forgetSessions();
    return out;
  });
}
