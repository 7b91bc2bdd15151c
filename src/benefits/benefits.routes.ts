// HTTP: programmes, cycles (run, board, lines, reviews, notice, objections, freeze), payments
// (batches, bank file, bank results, payee corrections), disbursement and closing.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { actorWith } from '../platform/http/guard.ts';
import { createJob, jobView, startJob } from '../platform/jobs/jobs.service.ts';
import { AppError } from '../platform/http/errors.ts';
import { BANK_COLUMNS, type BankColumn } from './bank-file.ts';
import * as cycles from './cycle.service.ts';
import * as payments from './payments.service.ts';
import { listProgrammes } from './programmes.service.ts';
import { reviewLines } from './review.service.ts';
import { PROGRAMME_CODES } from './rules.ts';
import { checkCounty, RUN_JOB } from './run.job.ts';
import { insightRoutes } from './insight.routes.ts';

const idParam = z.object({ id: z.string().uuid() });
const version = z.object({ version: z.number().int().positive() });

export async function benefitsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benefits'];
  await insightRoutes(app, { ctx });

  r.get('/benefits/programmes', { schema: { tags } }, async (req) => { actorWith(req, 'benefits.read'); return listProgrammes(ctx); });

  r.get('/benefits/cycles', { schema: { tags, querystring: z.object({ programme: z.enum(PROGRAMME_CODES).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) } },
    async (req) => cycles.listCycles(ctx, actorWith(req, 'benefits.read'), req.query));

  // The eligibility run, as a job: 202 with the job to follow.
  r.post('/benefits/cycles', { schema: { tags, body: z.object({ programme: z.enum(PROGRAMME_CODES), area: z.string().regex(/^\d{6}$/), year: z.number().int().min(2000).max(2100) }) } }, async (req, reply) => {
    const actor = actorWith(req, 'benefits.manage');
    checkCounty(ctx, actor, req.body.area);
    const job = await createJob(ctx, actor, RUN_JOB, req.body.area, { ...req.body, actor });
    startJob(ctx, job);
    return reply.status(202).send(jobView(job));
  });

  r.get('/benefits/cycles/:id', { schema: { tags, params: idParam } }, async (req) => cycles.getCycle(ctx, actorWith(req, 'benefits.read'), req.params.id));

  r.get('/benefits/cycles/:id/lines', {
    schema: {
      tags, params: idParam,
      querystring: z.object({
        stage: z.enum(['pending', 'declared', 'reviewed', 'confirmed', 'withdrawn']).optional(),
        kind: z.enum(['new', 'continuing', 'leaving']).optional(),
        area: z.string().regex(/^\d{2,12}$/).optional(),
        page: z.coerce.number().int().min(1).max(100_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(20),
      }),
    },
  }, async (req) => cycles.listLines(ctx, actorWith(req, 'benefits.read'), req.params.id, req.query));

  r.get('/benefits/lines/:id', { schema: { tags, params: idParam } }, async (req) => cycles.getLine(ctx, actorWith(req, 'benefits.read'), req.params.id));

  r.post('/benefits/cycles/:id/reviews', {
    schema: {
      tags, params: idParam,
      body: z.object({
        action: z.enum(['pass', 'return']),
        reason: z.string().trim().max(500).nullish(),
        lines: z.array(z.object({ id: z.string().uuid(), version: z.number().int().positive() })).min(1).max(1000),
      }),
    },
  }, async (req) => reviewLines(ctx, actorWith(req, 'benefits.review'), req.params.id, req.body));

  r.post('/benefits/cycles/:id/notice', { schema: { tags, params: idParam, body: version } }, async (req) =>
    cycles.openNotice(ctx, actorWith(req, 'benefits.manage'), req.params.id, req.body.version));

  r.get('/benefits/cycles/:id/objections', { schema: { tags, params: idParam } }, async (req) => cycles.listObjections(ctx, actorWith(req, 'benefits.read'), req.params.id));

  r.post('/benefits/cycles/:id/objections', { schema: { tags, params: idParam, body: z.object({ lineId: z.string().uuid().nullish(), text: z.string().trim().min(1).max(2000) }) } }, async (req, reply) =>
    reply.status(201).send(await cycles.addObjection(ctx, actorWith(req, 'benefits.review'), req.params.id, req.body)));

  r.post('/benefits/objections/:id/resolve', { schema: { tags, params: idParam, body: version.extend({ upheld: z.boolean(), resolution: z.string().trim().min(1).max(2000) }) } }, async (req) =>
    cycles.resolveObjection(ctx, actorWith(req, 'benefits.manage'), req.params.id, req.body));

  r.post('/benefits/cycles/:id/freeze', { schema: { tags, params: idParam, body: version } }, async (req) =>
    cycles.freezeCycle(ctx, actorWith(req, 'benefits.manage'), req.params.id, req.body.version));

  r.get('/benefits/cycles/:id/batches', { schema: { tags, params: idParam } }, async (req) => payments.listBatches(ctx, actorWith(req, 'benefits.read'), req.params.id));

  r.post('/benefits/cycles/:id/batches', { schema: { tags, params: idParam } }, async (req, reply) =>
    reply.status(201).send(await payments.createBatch(ctx, actorWith(req, 'benefits.manage'), req.params.id)));

  const columnList = z.string().max(300).transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
    .refine((cols) => cols.every((c) => c in BANK_COLUMNS), 'unknown column');
  r.get('/benefits/batches/:id/file', {
    schema: { tags, params: idParam, querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), encoding: z.enum(['utf-8', 'gbk']).default('utf-8'), columns: columnList.optional() }) },
  }, async (req, reply) => {
    const f = await payments.bankFile(ctx, actorWith(req, 'benefits.manage'), req.params.id, { ...req.query, columns: req.query.columns as BankColumn[] | undefined });
    return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
  });

  // The bank's result file (multipart, field "file"); the batch comes from the file or the URL.
  r.post('/benefits/batches/:id/results', { schema: { tags, params: idParam, consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorWith(req, 'benefits.manage');
    const file = await req.file();
    if (!file) throw new AppError(400, 'validation.failed', {}, [{ field: 'file', code: 'field.required' }]);
    const buffer = await file.toBuffer();
    return payments.reconcile(ctx, actor, { buffer, filename: file.filename, batchId: req.params.id });
  });

  r.patch('/benefits/lines/:id', { schema: { tags, params: idParam, body: version.extend({ bankAccount: z.string().trim().regex(/^[\d ]{8,32}$/).transform((s) => s.replace(/ /g, '')) }) } }, async (req) =>
    payments.updateLinePayee(ctx, actorWith(req, 'benefits.manage'), req.params.id, req.body));

  r.get('/benefits/cycles/:id/disbursement', { schema: { tags, params: idParam } }, async (req) => payments.disbursement(ctx, actorWith(req, 'benefits.read'), req.params.id));

  r.post('/benefits/cycles/:id/close', { schema: { tags, params: idParam, body: version } }, async (req) =>
    payments.closeCycle(ctx, actorWith(req, 'benefits.manage'), req.params.id, req.body.version));

  // The public notice page's data: masked names and ID numbers, no sign-in.
  r.get('/public/benefit-notices/:id', { schema: { tags, params: idParam } }, async (req) => cycles.publicNotice(ctx, req.params.id));
}
