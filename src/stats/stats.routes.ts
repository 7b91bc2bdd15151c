import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { actorWith } from '../platform/http/guard.ts';
import { isoDate } from '../registry/date-schema.ts';
import { indicatorDefinitions } from './definitions.ts';
import { MEASURES } from './measures.ts';
import { birthsBreakdown, drillThrough, DRILL_MEASURE_CODES, pyramid, statsTable } from './stats.service.ts';

export const areaParam = z.string().regex(/^\d{2,12}$/);
export const periodParam = z.string().trim().min(4).max(24);
export const basisParam = z.enum(['hukou', 'resident']).default('hukou');
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const indicatorList = z.string().regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/).transform((s) => s.split(','));

export async function statsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['stats'];

  r.get('/stats', {
    schema: { tags, querystring: z.object({ area: areaParam, period: periodParam, indicators: indicatorList.optional(), basis: basisParam, annualise: bool.default(false) }) },
  }, async (req) => statsTable(ctx, actorWith(req, 'stats.read'), req.query));

  r.get('/stats/indicators', { schema: { tags } }, async (req) => {
    actorWith(req, 'stats.read');
    return {
      indicators: indicatorDefinitions().map(({ num: _n, den: _d, ...d }) => d),
      measures: [...MEASURES].map(([code, m]) => ({ code, ...m, drill: (DRILL_MEASURE_CODES as string[]).includes(code) })),
    };
  });

  r.get('/stats/births', {
    schema: { tags, querystring: z.object({ area: areaParam, period: periodParam, basis: basisParam }) },
  }, async (req) => birthsBreakdown(ctx, actorWith(req, 'stats.read'), req.query));

  r.get('/stats/pyramid', {
    schema: { tags, querystring: z.object({ area: areaParam, date: isoDate, basis: basisParam }) },
  }, async (req) => pyramid(ctx, actorWith(req, 'stats.read'), req.query));

  r.get('/stats/records', {
    schema: {
      tags,
      querystring: z.object({
        area: areaParam, period: periodParam, basis: basisParam,
        measure: z.enum(DRILL_MEASURE_CODES),
        // Population measures only: one sex, one 5-year age band of the pyramid (0: 0–4 … 20: 100+).
        sex: z.enum(['M', 'F']).optional(),
        band: z.coerce.number().int().min(0).max(20).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
  }, async (req) => drillThrough(ctx, actorWith(req, 'stats.read'), req.query));
}
