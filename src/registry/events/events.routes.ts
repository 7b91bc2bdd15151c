import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorWith } from '../../platform/http/guard.ts';
import { birthSchema, eventCreateSchema, eventUpdateSchema } from './event-input.ts';
import { addEvent, deleteEvent, registerBirth, updateEvent } from './events.service.ts';

const idParam = z.object({ id: z.string().uuid() });

export async function eventsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/persons/:id/events', { schema: { tags: ['events'], params: idParam, body: eventCreateSchema } }, async (req, reply) =>
    reply.status(201).send(await addEvent(ctx, actorWith(req, 'persons.write'), req.params.id, req.body)));

  r.post('/births', { schema: { tags: ['events'], body: birthSchema } }, async (req, reply) =>
    reply.status(201).send(await registerBirth(ctx, actorWith(req, 'persons.write'), req.body)));

  r.patch('/events/:id', { schema: { tags: ['events'], params: idParam, body: eventUpdateSchema } }, async (req) =>
    updateEvent(ctx, actorWith(req, 'persons.write'), req.params.id, req.body));

  r.delete('/events/:id', { schema: { tags: ['events'], params: idParam, querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await deleteEvent(ctx, actorWith(req, 'persons.write'), req.params.id, req.query.version);
    return reply.status(204).send();
  });
}
