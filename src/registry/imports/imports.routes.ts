import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { AppError, notFound, validationFailed, type FieldError } from '../../platform/http/errors.ts';
import { actorWith } from '../../platform/http/guard.ts';
import { createJob, getJob, jobView, startJob } from '../../platform/jobs/jobs.service.ts';
import './import.jobs.ts';
import type { ImportJobParams } from './import.jobs.ts';
import { importDir, openImportTable, reportPath } from './import.service.ts';
import { buildTemplate } from './template.ts';

const FILE_NAMES = { persons: '人员信息导入模板.xlsx', events: '人口变动导入模板.xlsx' } as const;
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function importsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/imports/templates/:file', { schema: { tags: ['imports'], params: z.object({ file: z.enum(['persons.xlsx', 'events.xlsx']) }) } }, async (req, reply) => {
    actorWith(req, 'imports.run');
    const kind = req.params.file === 'persons.xlsx' ? 'persons' : 'events';
    return reply.type(XLSX).header('content-disposition', attachment(FILE_NAMES[kind])).send(await buildTemplate(kind));
  });

  r.post('/imports', { schema: { tags: ['imports'], consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = actorWith(req, 'imports.run');
    if (!req.isMultipart()) throw validationFailed([{ field: 'file', code: 'field.required' }]);
    const jobId = uuidv7();
    fs.mkdirSync(importDir(ctx), { recursive: true });
    const fields: Record<string, string> = {};
    let filePath: string | null = null;
    let filename = '';
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        filename = path.basename(part.filename || 'upload');
        const ext = path.extname(filename).toLowerCase().replace(/[^.a-z]/g, '') || '.csv';
        filePath = path.join(importDir(ctx), `${jobId}${ext}`);
        await pipeline(part.file, fs.createWriteStream(filePath));
        if (part.file.truncated) { fs.rmSync(filePath, { force: true }); throw new AppError(413, 'payload.too_large'); }
      } else fields[part.fieldname] = String(part.value);
    }
    const errors: FieldError[] = [];
    if (!filePath) errors.push({ field: 'file', code: 'field.required' });
    if (fields.kind !== 'persons' && fields.kind !== 'events') errors.push({ field: 'kind', code: fields.kind ? 'field.invalid' : 'field.required' });
    const scope = fields.area || actor.areaCode;
    if (!scope.startsWith(actor.areaCode) || !ctx.areas.has(scope)) errors.push({ field: 'area', code: 'field.area.out_of_scope' });
    if (errors.length) { if (filePath) fs.rmSync(filePath, { force: true }); throw validationFailed(errors); }
    const kind = fields.kind as 'persons' | 'events';
    try {
      const { table } = await openImportTable(kind, filePath!, filename);
      await table.close();
    } catch (e) {
      fs.rmSync(filePath!, { force: true });
      throw e;
    }
    const params: ImportJobParams = {
      kind, dryRun: fields.dryRun !== 'false', scope, filePath: filePath!, filename,
      actor: { userId: actor.userId, username: actor.username, role: actor.role, ip: actor.ip },
    };
    const job = await createJob(ctx, actor, 'import', scope, { ...params });
    await ctx.db.kysely.transaction().execute((trx) =>
      audit(trx, ctx.db.dialect, actor, { action: 'import.start', entityType: 'import', entityId: job.id, areaCode: scope, detail: { kind, dryRun: params.dryRun, file: filename } }),
    );
    startJob(ctx, job);
    return reply.status(202).send(jobView(job));
  });

  r.get('/imports/:jobId/report.xlsx', { schema: { tags: ['imports'], params: z.object({ jobId: z.string().uuid() }) } }, async (req, reply) => {
    const actor = actorWith(req, 'imports.run');
    const job = await getJob(ctx, actor, req.params.jobId);
    const file = reportPath(ctx, job.id);
    if (job.kind !== 'import' || !fs.existsSync(file)) throw notFound();
    const name = `导入错误报告-${JSON.parse(job.params).filename ?? job.id}.xlsx`.replace(/\.(csv|xlsx|txt)\.xlsx$/i, '.xlsx');
    return reply.type(XLSX).header('content-disposition', attachment(name)).send(fs.createReadStream(file));
  });
}
