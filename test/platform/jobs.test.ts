// The job runner (jobs.service.ts): a job's final status is the last word, even when its
// handler fires progress updates without waiting for them; a failure is recorded with its message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { createJob, getJob, registerJobHandler, runJob } from '../../src/platform/jobs/jobs.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';

registerJobHandler('test.fire-and-forget', async (_ctx, _job, progress) => {
  for (let i = 1; i <= 50; i++) void progress(i, 50); // not awaited, as a careless handler might
  return { ok: true };
});
registerJobHandler('test.fails', async (_ctx, _job, progress) => {
  void progress(1, 2);
  throw new Error('文件已损坏 / the file is damaged');
});

describe.each(DIALECTS)('job runner on %s', (dialect) => {
  let t: TestDb;
  const actor = systemActor('5107');
  beforeAll(async () => { t = await createTestContext(dialect); });
  afterAll(async () => t.dispose());

  it('ends with the final status after progress writes that were not awaited', async () => {
    for (let round = 0; round < 5; round++) {
      const job = await createJob(t.ctx, actor, 'test.fire-and-forget', '5107', {});
      const done = await runJob(t.ctx, job);
      expect(done.status).toBe('succeeded');
      await new Promise((r) => setTimeout(r, 20)); // anything still in flight would land now
      const later = await getJob(t.ctx, actor, job.id);
      expect(later.status).toBe('succeeded');
      expect(JSON.parse(later.result!)).toEqual({ ok: true });
      expect(later.done).toBe(50);
    }
  });

  it('records a failure with its message, not overwritten by progress', async () => {
    const job = await createJob(t.ctx, actor, 'test.fails', '5107', {});
    const done = await runJob(t.ctx, job);
    await new Promise((r) => setTimeout(r, 20));
    const later = await getJob(t.ctx, actor, job.id);
    expect([done.status, later.status]).toEqual(['failed', 'failed']);
    expect(later.error).toBe('文件已损坏 / the file is damaged');
  });
});
