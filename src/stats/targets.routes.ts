import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { actorWith } from '../platform/http/guard.ts';
import { AppError, validationFailed } from '../platform/http/errors.ts';
import { areaParam, basisParam, indicatorList, periodParam } from './stats.routes.ts';
import { assessedTable, deleteTarget, importTargets, listTargets, setTarget } from './targets.service.ts';

const year = z.coerce.number().int().min(1949).max(2100);

export async function targetsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['targets'];

  r.get('/targets', { schema: { tags, querystring: z.object({ area: areaParam, year }) } }, async (req) =>
    listTargets(ctx, actorWith(req, 'stats.read'), req.query.area, req.query.year));

  r.put('/targets', {
    schema: {
      tags,
      body: z.object({
        areaCode: areaParam, year: z.number().int().min(1949).max(2100), indicator: z.string().regex(/^[a-z0-9_]{2,64}$/),
        direction: z.enum(['higher', 'lower', 'count']), value: z.number().min(0).max(1e9), version: z.number().int().positive().optional(),
      }),
    },
  }, async (req) => setTarget(ctx, actorWith(req, 'targets.write'), req.body));

  r.delete('/targets/:id', { schema: { tags, params: z.object({ id: z.string().uuid() }), querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await deleteTarget(ctx, actorWith(req, 'targets.write'), req.params.id, req.query.version);
    return reply.status(204).send();
  });

  r.post('/targets/import', { schema: { tags, consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorWith(req, 'targets.write');
    if (!req.isMultipart()) throw validationFailed([{ field: 'file', code: 'field.required' }]);
    const part = await req.file();
    if (!part) throw validationFailed([{ field: 'file', code: 'field.required' }]);
    const buffer = await part.toBuffer();
    if (part.file.truncated) throw new AppError(413, 'payload.too_large');
    return importTargets(ctx, actor, { buffer, filename: part.filename || 'targets.xlsx' });
  });

  r.get('/stats/assessment', {
    schema: { tags, querystring: z.object({ area: areaParam, period: periodParam, indicators: indicatorList.optional(), basis: basisParam, annualise: z.enum(['true', 'false']).transform((v) => v === 'true').default(false) }) },
  }, async (req) => assessedTable(ctx, actorWith(req, 'stats.read'), req.query));
}
