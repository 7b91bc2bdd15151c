import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorWith } from '../../platform/http/guard.ts';
import { populationAt } from './population.service.ts';
import { isoDate } from '../date-schema.ts';

export async function populationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/population', {
    schema: {
      tags: ['population'],
      querystring: z.object({
        area: z.string().regex(/^\d{2,12}$/),
        date: isoDate,
        basis: z.enum(['hukou', 'residence']).default('hukou'),
      }),
    },
  }, async (req) => populationAt(ctx, actorWith(req, 'persons.read'), req.query.area, req.query.date, req.query.basis));
}
