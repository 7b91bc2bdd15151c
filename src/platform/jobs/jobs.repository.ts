import type { Executor } from '../db/executor.ts';
import { areaRange } from '../db/area-range.ts';
import type { JobRow, JobStatus } from '../db/schema.ts';

export async function insertJob(db: Executor, row: JobRow): Promise<void> {
  await db.insertInto('jobs').values(row).execute();
}

/** Marks a job running (start) or records its progress; progress never touches a finished job. */
export async function setProgress(db: Executor, id: string, done: number, total: number, status?: 'running'): Promise<void> {
  let q = db.updateTable('jobs').set({ done, total, updated_at: new Date().toISOString(), ...(status ? { status } : {}) }).where('id', '=', id);
  if (!status) q = q.where('status', '=', 'running');
  await q.execute();
}

export async function finish(db: Executor, id: string, status: JobStatus, result: unknown, error: string | null): Promise<void> {
  await db.updateTable('jobs')
    .set({ status, result: result === undefined ? null : JSON.stringify(result), error, updated_at: new Date().toISOString() })
    .where('id', '=', id).execute();
}

export async function findJob(db: Executor, scope: string, id: string): Promise<JobRow | undefined> {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('jobs').selectAll().where('id', '=', id).where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirst();
}

export async function listJobs(db: Executor, scope: string, kind: string | undefined, limit: number): Promise<JobRow[]> {
  const { lo, hi } = areaRange(scope);
  let q = db.selectFrom('jobs').selectAll().where('area_code', '>=', lo).where('area_code', '<', hi);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('created_at', 'desc').limit(limit).execute();
}

export async function unfinishedJobs(db: Executor): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('status', 'in', ['queued', 'running']).orderBy('created_at').execute();
}
