import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../auth/session.plugin.ts';
import { getJob, jobView, listJobs } from './jobs.service.ts';

export async function jobsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/jobs/:id', { schema: { tags: ['jobs'], params: z.object({ id: z.string().uuid() }) } }, async (req) =>
    jobView(await getJob(ctx, requireActor(req), req.params.id)));
  r.get('/jobs', { schema: { tags: ['jobs'], querystring: z.object({ kind: z.string().max(32).optional() }) } }, async (req) =>
    ({ items: await listJobs(ctx, requireActor(req), req.query.kind) }));
}
