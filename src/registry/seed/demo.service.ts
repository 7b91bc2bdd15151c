// The demo city of the first start. Runs as a job: if the process is stopped half-way, the
// next start removes the partial synthetic rows and creates the city again.
import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/auth/roles.ts';
import { createJob, registerJobHandler, runJob } from '../../platform/jobs/jobs.service.ts';
import { seedPopulation } from './seed.service.ts';
import { deleteSyntheticPopulation, countPersons, demoJobs } from './demo.repository.ts';

export const DEMO_PERSONS = 100_000;

registerJobHandler('demo.seed', async (ctx, job, progress) => {
  const p = JSON.parse(job.params) as { region: string; persons: number; seed: number };
  await deleteSyntheticPopulation(ctx.db.kysely);
  return seedPopulation(ctx, systemActor(''), p, (d, t) => void progress(d, t));
});

/** Creates the demo city unless the registry already holds people (or a demo was made). */
export async function ensureDemo(ctx: AppContext, onProgress?: (done: number, total: number) => void) {
  const jobs = await demoJobs(ctx.db.kysely);
  const unfinished = jobs.find((j) => j.status !== 'succeeded');
  if (jobs.some((j) => j.status === 'succeeded')) return null;
  if (!unfinished && (await countPersons(ctx.db.kysely)) > 0) return null;
  const persons = Number(process.env.RENKOU_DEMO_PERSONS || DEMO_PERSONS);
  const job = unfinished ?? (await createJob(ctx, systemActor(''), 'demo.seed', ctx.config.region, { region: ctx.config.region, persons, seed: 20130101 }));
  const done = await runJob(ctx, job, onProgress);
  if (done.status !== 'succeeded') throw new Error(`demo city could not be created: ${done.error}`);
  return JSON.parse(done.result!) as { persons: number; seconds: number };
}
