import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { actorWith } from '../../platform/http/guard.ts';

const codeParam = z.object({ code: z.string().regex(/^\d{2,12}$/) });

export async function areasRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const visible = (code: string, scope: string) => {
    if (!code.startsWith(scope) || !ctx.areas.has(code)) throw notFound();
    return ctx.areas.get(code)!;
  };

  r.get('/areas/:code', { schema: { tags: ['areas'], params: codeParam } }, async (req) => {
    const actor = actorWith(req, 'persons.read');
    const a = visible(req.params.code, actor.areaCode);
    return {
      code: a.code, name: a.name, level: a.level, parentCode: a.parentCode,
      path: ctx.areas.path(a.code).filter((n) => n.code.startsWith(actor.areaCode)).map((n) => ({ code: n.code, name: n.name, level: n.level })),
    };
  });

  r.get('/areas/:code/children', { schema: { tags: ['areas'], params: codeParam } }, async (req) => {
    const actor = actorWith(req, 'persons.read');
    visible(req.params.code, actor.areaCode);
    return { items: ctx.areas.childrenOf(req.params.code).map((n) => ({ code: n.code, name: n.name, level: n.level, hasChildren: n.childCount > 0 })) };
  });

  r.get('/areas', { schema: { tags: ['areas'], querystring: z.object({ q: z.string().trim().min(1).max(50) }) } }, async (req) => {
    const actor = actorWith(req, 'persons.read');
    return { items: ctx.areas.search(req.query.q, actor.areaCode).map((n) => ({ code: n.code, name: n.name, level: n.level, fullName: ctx.areas.fullName(n.code) })) };
  });
}
