// HTTP: evidence and checklists, consistency and archive completeness, forecast.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { actorWith } from '../platform/http/guard.ts';
import { consistency } from './consistency.service.ts';
import { EVIDENCE_ITEM_CODES, type EvidenceItem } from './evidence.ts';
import { lineChecklist, listEvidence, recordEvidence } from './evidence.service.ts';
import { forecast } from './forecast.service.ts';
import { PROGRAMME_CODES } from './rules.ts';
import { listOverrides, putOverride } from './rules.service.ts';
import { isoDate } from '../registry/date-schema.ts';

const year = z.coerce.number().int().min(2000).max(2100);
const factValue = z.union([z.boolean(), z.number(), z.string().max(60)]);

export async function insightRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benefits'];

  r.get('/benefits/persons/:id/evidence', { schema: { tags, params: z.object({ id: z.string().uuid() }) } }, async (req) =>
    listEvidence(ctx, actorWith(req, 'benefits.read'), req.params.id));

  r.put('/benefits/persons/:id/evidence/:item', {
    schema: {
      tags, params: z.object({ id: z.string().uuid(), item: z.enum(EVIDENCE_ITEM_CODES as [EvidenceItem, ...EvidenceItem[]]) }),
      body: z.object({
        version: z.number().int().positive().optional(),
        facts: z.record(z.string().max(40), factValue).optional(),
        documentNo: z.string().trim().max(60).nullish(),
        paperFiled: z.boolean().optional(),
        note: z.string().trim().max(500).nullish(),
      }),
    },
  }, async (req) => recordEvidence(ctx, actorWith(req, 'benefits.review'), req.params.id, req.params.item, req.body));

  r.get('/benefits/lines/:id/checklist', { schema: { tags, params: z.object({ id: z.string().uuid() }) } }, async (req) =>
    lineChecklist(ctx, actorWith(req, 'benefits.read'), req.params.id));

  r.get('/benefits/rule-overrides', { schema: { tags } }, async (req) => { actorWith(req, 'benefits.read'); return listOverrides(ctx); });

  r.put('/benefits/rule-overrides', {
    schema: {
      tags,
      body: z.object({
        programme: z.enum(PROGRAMME_CODES),
        parameter: z.string().regex(/^\w{1,60}$/),
        jurisdiction: z.string().regex(/^(CN|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/),
        series: z.array(z.object({ from: isoDate, value: z.number().min(0).max(1_000_000).nullable(), reference: z.string().trim().min(1).max(500) })).min(1).max(50),
        version: z.number().int().positive().optional(),
      }),
    },
  }, async (req) => putOverride(ctx, actorWith(req, 'benefits.rules'), req.body));

  r.get('/benefits/consistency', { schema: { tags, querystring: z.object({ year }) } }, async (req) =>
    consistency(ctx, actorWith(req, 'benefits.read'), req.query.year));

  r.get('/benefits/forecast', {
    schema: {
      tags,
      querystring: z.object({
        programme: z.enum(PROGRAMME_CODES), area: z.string().regex(/^\d{4}(\d{2})?$/), year,
        parameter: z.string().regex(/^\w{1,60}$/).optional(), jurisdiction: z.string().regex(/^(CN|\d{2}|\d{4}|\d{6})$/).optional(), value: z.coerce.number().min(0).max(1_000_000).optional(),
      }).refine((q) => (q.parameter === undefined) === (q.value === undefined) && (q.parameter === undefined) === (q.jurisdiction === undefined), { path: ['parameter'], message: 'parameter, jurisdiction and value go together' }),
    },
  }, async (req) => {
    const { parameter, jurisdiction, value, ...q } = req.query;
    return forecast(ctx, actorWith(req, 'benefits.read'), { ...q, whatIf: parameter && jurisdiction && value !== undefined ? { parameter, jurisdiction, value } : undefined });
  });
}
