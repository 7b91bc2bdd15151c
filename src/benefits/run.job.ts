// The eligibility run as a persisted job (the HTTP route starts it; a restart resumes it).
import type { Actor } from '../platform/auth/roles.ts';
import { registerJobHandler } from '../platform/jobs/jobs.service.ts';
import { checkCounty, runEligibility, type RunInput } from './run.service.ts';

export const RUN_JOB = 'benefits.run';
export { checkCounty };

registerJobHandler(RUN_JOB, async (ctx, job, progress) => {
  const p = JSON.parse(job.params) as RunInput & { actor: Actor };
  // Progress writes are chained and awaited before the job ends, so that none lands after the
  // job's final status.
  let writes = Promise.resolve();
  const result = await runEligibility(ctx, p.actor, { programme: p.programme, area: p.area, year: p.year }, (d, t) => { writes = writes.then(() => progress(d, t)); });
  await writes;
  return result;
});
