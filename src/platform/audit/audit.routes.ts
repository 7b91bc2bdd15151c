import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorWith } from '../http/guard.ts';
import { listAudit, verifyAuditChain } from './audit.service.ts';

export async function auditRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/audit', {
    schema: {
      tags: ['audit'],
      querystring: z.object({
        action: z.string().max(64).optional(),
        actor: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
  }, async (req) => {
    const actor = actorWith(req, 'audit.read');
    const q = req.query;
    const { rows, total } = await listAudit(ctx.db.kysely, {
      scope: actor.areaCode, action: q.action, actor: q.actor, entityId: q.entityId, from: q.from, to: q.to,
      offset: (q.page - 1) * q.pageSize, limit: q.pageSize,
    });
    return {
      items: rows.map((a) => ({ seq: Number(a.seq), at: a.at, actorName: a.actor_name, action: a.action, entityType: a.entity_type, entityId: a.entity_id, areaCode: a.area_code, detail: JSON.parse(a.detail), ip: a.ip })),
      total,
    };
  });

  r.get('/audit/verify', { schema: { tags: ['audit'] } }, async (req) => {
    actorWith(req, 'audit.read');
    const v = await verifyAuditChain(ctx.db.kysely);
    return { ok: v.ok, checked: v.checked, firstBroken: v.firstBroken };
  });
}
