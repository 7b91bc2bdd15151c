import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { actorWith } from '../platform/http/guard.ts';
import { AppError, validationFailed } from '../platform/http/errors.ts';
import { isoDate } from '../registry/date-schema.ts';
import { areaParam } from './stats.routes.ts';
import { importServiceRecords } from './service-records.import.ts';
import { addAssisted, addCouple, addMigrantRegistration, deleteRecord, listRecords, recordCheck } from './service-records.service.ts';

const kind = z.enum(['couples', 'migrants', 'assisted']);
const year = z.number().int().min(1949).max(2100);
const note = z.string().trim().max(500).nullish();

export async function serviceRecordsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['service records'];

  r.get('/service-records/:kind', { schema: { tags, params: z.object({ kind }), querystring: z.object({ area: areaParam, year: z.coerce.number().int().min(1949).max(2100) }) } }, async (req) =>
    listRecords(ctx, actorWith(req, 'stats.read'), req.params.kind, req.query.area, req.query.year));

  r.post('/service-records/couples', {
    schema: { tags, body: z.object({ areaCode: areaParam, year, wifeId: z.string().uuid(), husbandId: z.string().uuid().nullish(), checkedOn: isoDate.nullish(), checkPlace: z.string().trim().max(100).nullish(), note }) },
  }, async (req, reply) => reply.status(201).send(await addCouple(ctx, actorWith(req, 'serviceRecords.write'), req.body)));

  r.patch('/service-records/couples/:id', {
    schema: { tags, params: z.object({ id: z.string().uuid() }), body: z.object({ version: z.number().int().positive(), checkedOn: isoDate.nullable(), checkPlace: z.string().trim().max(100).nullish(), note }) },
  }, async (req) => recordCheck(ctx, actorWith(req, 'serviceRecords.write'), req.params.id, req.body));

  r.post('/service-records/migrants', {
    schema: { tags, body: z.object({ personId: z.string().uuid(), areaCode: areaParam, registeredOn: isoDate, note }) },
  }, async (req, reply) => reply.status(201).send(await addMigrantRegistration(ctx, actorWith(req, 'serviceRecords.write'), req.body)));

  r.post('/service-records/assisted', {
    schema: { tags, body: z.object({ areaCode: areaParam, year, headId: z.string().uuid(), assistance: z.string().trim().min(1).max(200), amountFen: z.number().int().min(0).max(1e12), assistedOn: isoDate, note }) },
  }, async (req, reply) => reply.status(201).send(await addAssisted(ctx, actorWith(req, 'serviceRecords.write'), req.body)));

  r.delete('/service-records/:kind/:id', {
    schema: { tags, params: z.object({ kind, id: z.string().uuid() }), querystring: z.object({ version: z.coerce.number().int().positive() }) },
  }, async (req, reply) => {
    await deleteRecord(ctx, actorWith(req, 'serviceRecords.write'), req.params.kind, req.params.id, req.query.version);
    return reply.status(204).send();
  });

  r.post('/service-records/:kind/import', { schema: { tags, params: z.object({ kind }), consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorWith(req, 'serviceRecords.write');
    if (!req.isMultipart()) throw validationFailed([{ field: 'file', code: 'field.required' }]);
    const part = await req.file();
    if (!part) throw validationFailed([{ field: 'file', code: 'field.required' }]);
    const buffer = await part.toBuffer();
    if (part.file.truncated) throw new AppError(413, 'payload.too_large');
    return importServiceRecords(ctx, actor, req.params.kind, { buffer, filename: part.filename || 'records.xlsx' });
  });
}
