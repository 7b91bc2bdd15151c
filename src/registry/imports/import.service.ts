// Imports of persons and population events from .xlsx/.csv files. Rows are validated and
// planned a batch at a time and written in transactions of whole batches (import-writer.ts):
// a second run of the same file changes nothing, and a run killed half-way leaves whole
// batches only, so running it again finishes the work.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { nowIso } from '../../platform/db/executor.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ImportKind } from './column-specs.ts';
import { mapColumns, type EventColumns, type PersonColumns } from './columns.ts';
import { buildErrorReport } from './error-report.ts';
import { validateEventRow } from './event-row.ts';
import { planEventBatch } from './event-import.ts';
import type { PlanContext, PlannedBatch } from './import-context.ts';
import { ImportWriter } from './import-writer.ts';
import { planPersonBatch } from './person-import.ts';
import { validatePersonRow } from './person-row.ts';
import type { RowResult } from './row-checks.ts';
import { openTable } from './table-in-worker.ts';
import { ImportFileError, type Table, type TableRow } from './types.ts';
import { forgetCounts } from '../persons/search-counts.ts';
import type { LaterLinks } from './later-relatives.ts';

export interface ImportRequest {
  kind: ImportKind;
  dryRun: boolean;
  /** Every imported record must lie in this area (the user's area, or a narrower one). */
  scope: string;
  path: string;
  filename: string;
  jobId: string | null;
}

export interface RejectedRow { line: number; cells: string[]; reasons: string[] }

export interface ImportSummary {
  kind: ImportKind;
  dryRun: boolean;
  format: string;
  encoding: string | null;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedRows: { line: number; reasons: string[] }[];
  unknownColumns: string[];
  seconds: number;
}

const SHOWN_REJECTIONS = 1000;

/** Turns a file-level problem into the API's error (400 with a clear sentence). */
export function fileError(e: unknown): never {
  if (e instanceof ImportFileError) throw new AppError(400, e.code, { ...e.params, message: e.message });
  throw e;
}

/** Opens a file and checks its header; the caller closes the table. */
export async function openImportTable(kind: ImportKind, filePath: string, filename: string): Promise<{ table: Table; columns: PersonColumns | EventColumns }> {
  const table = await openTable({ path: filePath, filename }).catch(fileError);
  const columns = kind === 'persons' ? mapColumns(table.headers, 'persons') : mapColumns(table.headers, 'events');
  if (columns.problem) {
    await table.close();
    fileError(columns.problem);
  }
  return { table, columns };
}

export async function runImport(ctx: AppContext, actor: Actor, req: ImportRequest, progress?: (done: number, total: number) => void | Promise<void>) {
  const t0 = Date.now();
  const { table, columns } = await openImportTable(req.kind, req.path, req.filename);
  const rowCtx = { today: ctx.today(), isKnownArea: (c: string) => ctx.areas.has(c) };
  const pc: PlanContext = { ctx, scope: req.scope, jobId: req.jobId, now: nowIso(), seen: new Map(), later: req.kind === 'persons' && !req.dryRun ? [] : undefined };
  const summary: ImportSummary = {
    kind: req.kind, dryRun: req.dryRun, format: table.format, encoding: table.encoding, total: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0,
    rejectedRows: [], unknownColumns: columns.unknown.map((u) => `${u.letter}列 ${u.header}`), seconds: 0,
  };
  const rejected: RejectedRow[] = [];
  let writer: ImportWriter | null = null;
  let links: LaterLinks | undefined;
  try {
    writer = await ImportWriter.open(ctx, actor, req, pc.now, table);
    pc.pending = writer.pending;
    for await (const batch of table.batches()) {
      const planned = await planBatch(req.kind, columns, rowCtx, pc, batch, rejected);
      summary.total += batch.length;
      summary.inserted += planned.inserted;
      summary.updated += planned.updated;
      summary.unchanged += planned.unchanged;
      await writer.add(planned, batch[0].line, batch[batch.length - 1].line);
      const p = table.progress();
      await progress?.(p.bytesRead, p.bytesTotal);
    }
    await writer.flush();
    // Every row is written: the writer links the relatives named before their own rows as it closes.
    if (pc.later?.length) {
      links = {
        later: pc.later, now: pc.now, audit: (linked) => ({
          at: pc.now, actor_id: actor.userId, actor_name: actor.username, action: 'import.relatives', entity_type: 'import', entity_id: req.jobId,
          area_code: req.scope, ip: actor.ip, detail: JSON.stringify({ file: req.filename, linked }),
        }),
      };
    }
  } finally {
    try {
      await table.close();
      await writer?.close(links);
    } finally {
      if (!req.dryRun) forgetCounts(ctx.db);
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  summary.rejected = rejected.length;
  summary.rejectedRows = rejected.slice(0, SHOWN_REJECTIONS).map((r) => ({ line: r.line, reasons: r.reasons }));
  summary.seconds = (Date.now() - t0) / 1000;
  return { summary, rejected, headers: table.headers };
}

async function planBatch(
  kind: ImportKind, columns: PersonColumns | EventColumns, rowCtx: { today: string; isKnownArea(c: string): boolean },
  pc: PlanContext, batch: TableRow[], rejected: RejectedRow[],
): Promise<PlannedBatch> {
  const planned = kind === 'persons'
    ? await planPersonBatch(pc, validRows(batch, rejected, (row) => validatePersonRow(row.cells, columns as PersonColumns, rowCtx, row.numeric)))
    : await planEventBatch(pc, validRows(batch, rejected, (row) => validateEventRow(row.cells, columns as EventColumns, rowCtx, row.numeric)));
  if (planned.rejected.length > 0) {
    const cellsOf = new Map(batch.map((row) => [row.line, row.cells]));
    for (const r of planned.rejected) rejected.push({ line: r.line, cells: cellsOf.get(r.line) ?? [], reasons: r.reasons });
  }
  return planned;
}

/** The rows that pass their checks; the others go to `rejected` with their reasons. */
function validRows<T>(batch: TableRow[], rejected: RejectedRow[], validate: (row: TableRow) => RowResult<T>): { line: number; value: T }[] {
  const valid: { line: number; value: T }[] = [];
  for (const row of batch) {
    const r = validate(row);
    if (r.ok) valid.push({ line: row.line, value: r.value });
    else rejected.push({ line: row.line, cells: row.cells, reasons: r.reasons });
  }
  return valid;
}

export const importDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'imports');
export const reportPath = (ctx: AppContext, jobId: string) => path.join(importDir(ctx), `${jobId}-report.xlsx`);

export async function writeErrorReport(file: string, headers: string[], rejected: RejectedRow[]): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, await buildErrorReport(headers, rejected));
  fs.renameSync(tmp, file);
}
