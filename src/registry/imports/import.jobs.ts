// The import job: runs in the server's background, re-run from the start after a restart
// (safe: imports are idempotent).
import fs from 'node:fs';
import { systemActor } from '../../platform/auth/roles.ts';
import { registerJobHandler } from '../../platform/jobs/jobs.service.ts';
import type { ImportKind } from './column-specs.ts';
import { reportPath, runImport, writeErrorReport } from './import.service.ts';

export interface ImportJobParams {
  kind: ImportKind;
  dryRun: boolean;
  scope: string;
  filePath: string;
  filename: string;
  actor: { userId: string | null; username: string; role: string; ip: string | null };
}

registerJobHandler('import', async (ctx, job, progress) => {
  const p = JSON.parse(job.params) as ImportJobParams;
  const actor = { ...systemActor(p.scope), userId: p.actor.userId, username: p.actor.username, ip: p.actor.ip };
  const { summary, rejected, headers } = await runImport(ctx, actor, { kind: p.kind, dryRun: p.dryRun, scope: p.scope, path: p.filePath, filename: p.filename, jobId: job.id }, progress);
  if (rejected.length) await writeErrorReport(reportPath(ctx, job.id), headers, rejected);
  if (!p.dryRun) fs.rmSync(p.filePath, { force: true });
  return { ...summary, report: rejected.length > 0 };
});
