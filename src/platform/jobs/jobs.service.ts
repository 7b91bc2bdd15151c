// Long work as persisted jobs (DESIGN §5): progress stored as it goes, handlers idempotent,
// so a job interrupted by a crash or a kill is simply run again at the next start.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../context.ts';
import type { Actor } from '../auth/roles.ts';
import type { JobRow } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import * as repo from './jobs.repository.ts';

export type Progress = (done: number, total: number) => Promise<void>;
export type JobHandler = (ctx: AppContext, job: JobRow, progress: Progress) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();
const running = new Set<string>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

// Server-side details of a job's parameters that clients must not see (where the upload is kept).
const INTERNAL_PARAMS = new Set(['path', 'filePath', 'scope', 'actor']);

export function jobView(j: JobRow) {
  const params = Object.fromEntries(Object.entries(JSON.parse(j.params) as Record<string, unknown>).filter(([k]) => !INTERNAL_PARAMS.has(k)));
  return {
    id: j.id, kind: j.kind, status: j.status, done: j.done, total: j.total,
    params, result: j.result ? JSON.parse(j.result) : null, error: j.error,
    createdAt: j.created_at, updatedAt: j.updated_at,
  };
}

export async function createJob(ctx: AppContext, actor: Actor, kind: string, areaCode: string, params: Record<string, unknown>): Promise<JobRow> {
  const now = new Date().toISOString();
  const row: JobRow = { id: uuidv7(), kind, status: 'queued', done: 0, total: 0, params: JSON.stringify(params), result: null, error: null, area_code: areaCode, created_by: actor.userId, created_at: now, updated_at: now };
  await repo.insertJob(ctx.db.kysely, row);
  return row;
}

/** Runs a job to its end and records the outcome. Progress writes are throttled. */
export async function runJob(ctx: AppContext, job: JobRow, onProgress?: (done: number, total: number) => void): Promise<JobRow> {
  const handler = handlers.get(job.kind);
  if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
  if (running.has(job.id)) throw new Error(`job ${job.id} is already running`);
  running.add(job.id);
  let last = 0;
  // Writes are chained, and all of them end before the final status is written, also when a
  // handler does not await its progress calls.
  let writes: Promise<void> = Promise.resolve();
  const progress: Progress = (done, total) => {
    onProgress?.(done, total);
    const now = Date.now();
    if (now - last < 200 && done < total) return writes;
    last = now;
    writes = writes.then(() => repo.setProgress(ctx.db.kysely, job.id, done, total)).catch(() => undefined);
    return writes;
  };
  try {
    await repo.setProgress(ctx.db.kysely, job.id, 0, job.total, 'running');
    const result = await handler(ctx, job, progress);
    await writes;
    await repo.finish(ctx.db.kysely, job.id, 'succeeded', result, null);
  } catch (e) {
    await writes;
    await repo.finish(ctx.db.kysely, job.id, 'failed', undefined, (e as Error).message ?? String(e));
  } finally {
    running.delete(job.id);
  }
  return (await repo.findJob(ctx.db.kysely, '', job.id))!;
}

/** Starts a job in the background of the server process. */
export function startJob(ctx: AppContext, job: JobRow): void {
  void runJob(ctx, job).catch(() => undefined);
}

export async function resumeUnfinishedJobs(ctx: AppContext): Promise<number> {
  const jobs = await repo.unfinishedJobs(ctx.db.kysely);
  for (const j of jobs) if (handlers.has(j.kind)) startJob(ctx, j);
  return jobs.length;
}

export async function getJob(ctx: AppContext, actor: Actor, id: string) {
  const j = await repo.findJob(ctx.db.kysely, actor.areaCode, id);
  if (!j) throw notFound();
  return j;
}

export async function listJobs(ctx: AppContext, actor: Actor, kind?: string) {
  return (await repo.listJobs(ctx.db.kysely, actor.areaCode, kind, 50)).map(jobView);
}
