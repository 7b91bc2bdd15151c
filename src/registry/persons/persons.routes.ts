import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorWith } from '../../platform/http/guard.ts';
import { parseIdNumber } from '../id-number.ts';
import { personCreateSchema, personUpdateSchema } from './person-input.ts';
import { createPerson, getPerson, searchPersons, updatePerson } from './persons.service.ts';

const idParam = z.object({ id: z.string().uuid() });
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export async function personsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/persons', {
    schema: {
      tags: ['persons'],
      querystring: z.object({
        q: z.string().trim().max(50).optional(),
        area: z.string().regex(/^\d{2,12}$/).optional(),
        basis: z.enum(['hukou', 'residence']).optional(),
        sex: z.enum(['M', 'F']).optional(),
        status: z.enum(['alive', 'dead', 'moved_out']).optional(),
        migrant: bool.optional(),
        ageMin: z.coerce.number().int().min(0).max(150).optional(),
        ageMax: z.coerce.number().int().min(0).max(150).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
  }, async (req) => {
    const actor = actorWith(req, 'persons.read');
    // Not { ...req.query, q }: see personDetail (person-view.ts).
    return searchPersons(ctx, actor, Object.assign({}, req.query, { q: req.query.q || undefined }));
  });

  r.get('/persons/:id', { schema: { tags: ['persons'], params: idParam } }, async (req) => getPerson(ctx, actorWith(req, 'persons.read'), req.params.id));

  r.post('/persons', { schema: { tags: ['persons'], body: personCreateSchema } }, async (req, reply) =>
    reply.status(201).send(await createPerson(ctx, actorWith(req, 'persons.write'), req.body)));

  r.patch('/persons/:id', { schema: { tags: ['persons'], params: idParam, body: personUpdateSchema } }, async (req) =>
    updatePerson(ctx, actorWith(req, 'persons.write'), req.params.id, req.body));

  // What the person form fills in when an ID number is typed. Reveals no registry data.
  r.get('/id-numbers/:idNumber', { schema: { tags: ['persons'], params: z.object({ idNumber: z.string().max(18) }) } }, async (req) => {
    actorWith(req, 'persons.read');
    const res = parseIdNumber(req.params.idNumber, ctx.today());
    if (!res.ok) return { valid: false, problem: res.problem };
    const { info } = res;
    const known = ctx.areas.addressCodeKnown(info.addressCode);
    return {
      valid: true, idNumber: info.idNumber, birthDate: info.birthDate, sex: info.sex, addressCode: info.addressCode,
      addressKnown: known, addressName: ctx.areas.has(info.addressCode) ? ctx.areas.fullName(info.addressCode) : null,
    };
  });
}
