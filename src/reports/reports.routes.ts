import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { actorWith } from '../platform/http/guard.ts';
import { areaParam, basisParam, indicatorList, periodParam } from '../stats/stats.routes.ts';
import { downloadSummary, downloadTable, getTemplates, setTemplate, TEMPLATE_SECTIONS } from './reports.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name).replace(/%/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function reportsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const query = z.object({
    area: areaParam, period: periodParam, indicators: indicatorList.optional(), basis: basisParam,
    annualise: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  });

  r.get('/stats/table.xlsx', { schema: { tags, querystring: query } }, async (req, reply) => {
    const f = await downloadTable(ctx, actorWith(req, 'stats.read'), req.query);
    return reply.type(XLSX).header('content-disposition', attachment(f.filename)).send(f.buffer);
  });

  r.get('/stats/summary.docx', { schema: { tags, querystring: query } }, async (req, reply) => {
    const f = await downloadSummary(ctx, actorWith(req, 'stats.read'), req.query);
    return reply.type(DOCX).header('content-disposition', attachment(f.filename)).send(f.buffer);
  });

  r.get('/summary-templates', { schema: { tags, querystring: z.object({ area: areaParam }) } }, async (req) =>
    getTemplates(ctx, actorWith(req, 'stats.read'), req.query.area));

  r.put('/summary-templates', {
    schema: { tags, body: z.object({ areaCode: areaParam, section: z.enum(TEMPLATE_SECTIONS), body: z.string().max(20_000), version: z.number().int().positive().optional() }) },
  }, async (req) => setTemplate(ctx, actorWith(req, 'targets.write'), req.body));
}
