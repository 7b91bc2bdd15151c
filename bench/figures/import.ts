// Figures 1 and 2: a persons import with full validation, through the same service as the
// CLI and the web upload, into a fresh database (migrated, areas loaded). Only the import
// itself is timed.
import path from 'node:path';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { runImport } from '../../src/registry/imports/import.service.ts';
import { bootSqlite, REGION } from '../data/city.ts';
import { inChild } from './in-child.ts';
import { elapsedSince, progress, step } from '../lib/log.ts';
import { flushWrites, removeDb } from '../lib/workspace.ts';

export interface ImportRun {
  seconds: number;
  rowsPerSecond: number;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejected rows with their reasons (for the report when any). */
  firstRejections: { line: number; reasons: string[] }[];
}

/**
 * One import, timed, into a fresh database at `dbFile` (run in its own process, see in-child.ts).
 * The database is kept for the caller.
 */
export async function importOnce(file: string, dbFile: string, label: string, expectedRows: number): Promise<ImportRun> {
  removeDb(dbFile);
  const ctx = await bootSqlite(dbFile);
  let closed = false;
  try {
    const report = progress(`${label} import (bytes)`);
    step(`importing ${expectedRows.toLocaleString('en-US')} rows from ${path.basename(file)} into a fresh database`);
    const t0 = process.hrtime.bigint();
    const { summary } = await runImport(ctx, systemActor(REGION), {
      kind: 'persons', dryRun: false, scope: REGION, path: file, filename: path.basename(file), jobId: null,
    }, (done, total) => report(done, total));
    const seconds = elapsedSince(t0);
    closed = true;
    await ctx.db.close();
    return {
      seconds,
      rowsPerSecond: summary.total / seconds,
      total: summary.total,
      inserted: summary.inserted,
      updated: summary.updated,
      unchanged: summary.unchanged,
      rejected: summary.rejected,
      firstRejections: summary.rejectedRows.slice(0, 5),
    };
  } finally {
    if (!closed) await ctx.db.close();
  }
}

/** An import in a process of its own; `after`, when given, sees the imported database (closed) before it is removed. */
export async function timeImport(file: string, scratchDir: string, label: string, expectedRows: number, after?: (dbFile: string) => Promise<void>): Promise<ImportRun> {
  const dbFile = path.join(scratchDir, `import-${label}.db`);
  removeDb(dbFile);
  flushWrites();
  try {
    const run = await inChild<ImportRun>('import', [file, dbFile, label, expectedRows]);
    await after?.(dbFile);
    return run;
  } finally {
    removeDb(dbFile);
  }
}
