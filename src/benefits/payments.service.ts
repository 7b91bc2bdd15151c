// Payments of a frozen roster: batches written as the bank's file, the bank's result imported
// (idempotent, chunk by chunk), corrected lines paid again in a new batch, disbursement rates and
// the closing of the cycle.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { can, type Actor } from '../platform/auth/roles.ts';
import { AppError, notFound, staleVersion } from '../platform/http/errors.ts';
import { maskIdNumber } from '../platform/privacy/mask.ts';
import { readTable } from '../registry/imports/read-table.ts';
import { bankCsv, bankXlsx, DEFAULT_BANK_COLUMNS, fenToYuanText, resultColumns, resultStatus, type BankColumn, type BankRow } from './bank-file.ts';
import * as cycles from './cycles.repository.ts';
import { getCycle, requireCycle } from './cycle.service.ts';
import { FUNDING_SOURCES, type FundingSource } from './params.ts';
import * as repo from './payments.repository.ts';
import { currentRules } from './rules.service.ts';
import type { ProgrammeCode } from './rules.ts';

export async function createBatch(ctx: AppContext, actor: Actor, cycleId: string) {
  const c = await requireCycle(ctx, actor, cycleId);
  if (c.status !== 'frozen' && c.status !== 'paying') throw new AppError(409, 'benefits.cycle_state', { status: c.status });
  const rules = await currentRules(ctx);
  if (rules[c.programme as ProgrammeCode].kind !== 'cash') throw new AppError(409, 'benefits.not_cash');
  const db = ctx.db.kysely;
  const at = new Date().toISOString();
  const batch = await db.transaction().execute(async (trx) => {
    const row = { id: uuidv7(), cycle_id: c.id, seq: await repo.nextBatchSeq(trx, c.id), line_count: 0, total_fen: 0, created_by: actor.userId, created_at: at };
    await repo.insertBatch(trx, row);
    const { n, fen } = await repo.insertPaymentsFor(trx, row.id, c.id, c.programme, c.year, at);
    if (n === 0) throw new AppError(409, 'benefits.nothing_to_pay');
    await repo.setBatchTotals(trx, row.id, n, fen);
    if (c.status === 'frozen') await cycles.updateCycleVersioned(trx, c.id, c.version, { status: 'paying' });
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.batch.create', entityType: 'benefit_batch', entityId: row.id, areaCode: c.area_code, detail: { lines: n, fen } });
    return { ...row, line_count: n, total_fen: fen };
  }).catch((e: { code?: string; message?: string }) => {
    // A concurrent batch took the same lines first: the unique index refused a second payment.
    if (e instanceof AppError) throw e;
    if (/unique|duplicate/i.test(String(e.message))) throw new AppError(409, 'conflict.stale_version');
    throw e;
  });
  return batchView(batch);
}

function batchView(b: { id: string; cycle_id: string; seq: number; line_count: number; total_fen: number; created_at: string; paid?: number | null; failed?: number | null }) {
  return { id: b.id, cycleId: b.cycle_id, seq: b.seq, lines: b.line_count, totalFen: b.total_fen, paid: Number(b.paid ?? 0), failed: Number(b.failed ?? 0), createdAt: b.created_at };
}

export async function listBatches(ctx: AppContext, actor: Actor, cycleId: string) {
  const c = await requireCycle(ctx, actor, cycleId);
  return { items: (await repo.listBatches(ctx.db.kysely, c.id)).map(batchView) };
}

async function requireBatch(ctx: AppContext, actor: Actor, batchId: string) {
  const b = await repo.findBatch(ctx.db.kysely, batchId);
  if (!b) throw notFound();
  const c = await requireCycle(ctx, actor, b.cycle_id);
  // A batch belongs to the whole county: only users of the county (or above) handle it.
  if (actor.areaCode.length > c.area_code.length) throw notFound();
  return { b, c };
}

export interface BankFileOptions {
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gbk';
  columns?: BankColumn[];
}

/** The bank's file of a batch. ID numbers in full only for roles that may see them. */
export async function bankFile(ctx: AppContext, actor: Actor, batchId: string, o: BankFileOptions): Promise<{ filename: string; body: Buffer; contentType: string }> {
  const { b, c } = await requireBatch(ctx, actor, batchId);
  const full = can(actor, 'persons.readFull');
  const rules = await currentRules(ctx);
  const title = rules[c.programme as ProgrammeCode].title.zh;
  const rows: BankRow[] = (await repo.batchRows(ctx.db.kysely, b.id)).map((r) => {
    const s = JSON.parse(r.snapshot ?? '{}') as { name?: string; idNumber?: string | null };
    return {
      ref: r.line_id, batch: r.batch_id, name: s.name ?? '', idNumber: (full ? s.idNumber : maskIdNumber(s.idNumber ?? null)) ?? '',
      bankAccount: r.bank_account ?? '', amountYuan: fenToYuanText(r.amount_fen), programme: title, areaCode: r.area_code,
      areaName: ctx.areas.has(r.area_code) ? ctx.areas.name(r.area_code) : '',
    };
  });
  const columns = o.columns?.length ? o.columns : DEFAULT_BANK_COLUMNS;
  const base = `${c.programme}-${c.area_code}-${c.year}-batch${b.seq}`;
  await ctx.db.kysely.transaction().execute((trx) =>
    audit(trx, ctx.db.dialect, actor, { action: 'benefits.batch.export', entityType: 'benefit_batch', entityId: b.id, areaCode: c.area_code, detail: { format: o.format, unmasked: full, rows: rows.length } }));
  if (o.format === 'csv') return { filename: `${base}.csv`, body: bankCsv(columns, rows, o.encoding), contentType: `text/csv; charset=${o.encoding === 'gbk' ? 'gbk' : 'utf-8'}` };
  return { filename: `${base}.xlsx`, body: await bankXlsx(columns, rows), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}

export interface ReconcileSummary {
  rows: number;
  paid: number;
  failed: number;
  alreadySettled: number;
  unknown: { line: number; ref: string }[];
  badStatus: { line: number; value: string }[];
}

const RECONCILE_CHUNK = 1000;

/**
 * Imports the bank's result file. Each chunk of rows is applied in one transaction and only to
 * payments still pending, so a reconciliation killed half-way and run again (or the same file
 * imported twice) settles every payment exactly once.
 */
export async function reconcile(ctx: AppContext, actor: Actor, input: { path?: string; buffer?: Buffer; filename: string; batchId?: string }, progress?: (done: number, total: number) => void): Promise<ReconcileSummary> {
  if (input.batchId) await requireBatch(ctx, actor, input.batchId);
  const table = await readTable({ path: input.path, buffer: input.buffer, filename: input.filename, batchRows: RECONCILE_CHUNK });
  const cols = resultColumns(table.headers);
  if (cols.missing.length || (cols.batch < 0 && !input.batchId)) {
    await table.close();
    throw new AppError(400, 'benefits.bad_result_file', { columns: [...cols.missing, ...(cols.batch < 0 && !input.batchId ? ['批次号'] : [])].join('、') });
  }
  const db = ctx.db.kysely;
  const checked = new Map<string, boolean>();
  const sum: ReconcileSummary = { rows: 0, paid: 0, failed: 0, alreadySettled: 0, unknown: [], badStatus: [] };
  const at = new Date().toISOString();
  for await (const chunk of table.batches()) {
    const byBatch = new Map<string, { line: number; ref: string; status: 'paid' | 'failed'; reason: string }[]>();
    for (const row of chunk) {
      sum.rows++;
      const ref = (row.cells[cols.ref] ?? '').trim();
      const batchId = input.batchId ?? (row.cells[cols.batch] ?? '').trim();
      const status = resultStatus(row.cells[cols.status] ?? '');
      if (!status) { sum.badStatus.push({ line: row.line, value: row.cells[cols.status] ?? '' }); continue; }
      if (!checked.has(batchId)) checked.set(batchId, await batchInScope(ctx, actor, batchId));
      if (!checked.get(batchId)) { sum.unknown.push({ line: row.line, ref }); continue; }
      const list = byBatch.get(batchId) ?? [];
      list.push({ line: row.line, ref, status, reason: cols.reason >= 0 ? (row.cells[cols.reason] ?? '').trim() : '' });
      byBatch.set(batchId, list);
    }
    await db.transaction().execute(async (trx) => {
      for (const [batchId, rows] of byBatch) {
        const known = await repo.paymentStatuses(trx, batchId, rows.map((r) => r.ref));
        const paid: string[] = [];
        for (const r of rows) {
          const s = known.get(r.ref);
          if (!s) { sum.unknown.push({ line: r.line, ref: r.ref }); continue; }
          if (s !== 'pending') { sum.alreadySettled++; continue; }
          if (r.status === 'paid') paid.push(r.ref);
          else sum.failed += await repo.markFailed(trx, batchId, r.ref, r.reason || '银行未说明原因', at);
        }
        for (let i = 0; i < paid.length; i += 500) sum.paid += await repo.markPaid(trx, batchId, paid.slice(i, i + 500), at);
      }
    });
    const p = table.progress();
    progress?.(p.bytesRead, p.bytesTotal);
  }
  await table.close();
  await db.transaction().execute((trx) =>
    audit(trx, ctx.db.dialect, actor, { action: 'benefits.reconcile', entityType: 'benefit_batch', entityId: input.batchId ?? null, detail: { file: input.filename, rows: sum.rows, paid: sum.paid, failed: sum.failed, unknown: sum.unknown.length } }));
  return sum;
}

async function batchInScope(ctx: AppContext, actor: Actor, batchId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(batchId)) return false;
  try { await requireBatch(ctx, actor, batchId); return true; } catch { return false; }
}

/** Corrects the bank account of a frozen line (after a failed payment); the next batch uses it. */
export async function updateLinePayee(ctx: AppContext, actor: Actor, lineId: string, input: { version: number; bankAccount: string }) {
  const db = ctx.db.kysely;
  const l = await cycles.findLine(db, actor.areaCode, lineId);
  if (!l) throw notFound();
  if (!l.frozen) throw new AppError(409, 'benefits.line_not_frozen');
  if (l.version !== input.version) throw staleVersion();
  await db.transaction().execute(async (trx) => {
    if (!(await cycles.updateLineVersioned(trx, l.id, l.version, { bank_account: input.bankAccount }))) throw staleVersion();
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.line.payee', entityType: 'benefit_line', entityId: l.id, areaCode: l.area_code });
  });
  return { id: l.id, bankAccount: input.bankAccount, version: l.version + 1 };
}

const rate = (paid: number, due: number) => (due === 0 ? null : Math.round((paid / due) * 10_000) / 100);

/** Disbursement rate (资金发放率 = paid / due × 100) of a cycle, by township and by funding source. */
export async function disbursement(ctx: AppContext, actor: Actor, cycleId: string) {
  const c = await requireCycle(ctx, actor, cycleId);
  const rows = await repo.dueAndPaidByLine(ctx.db.kysely, actor.areaCode, c.id);
  const byArea = new Map<string, { due: number; paid: number }>();
  const byFunding = new Map<FundingSource, { due: number; paid: number }>();
  let due = 0, paid = 0;
  for (const r of rows) {
    const p = Math.min(Number(r.paid_fen ?? 0), r.amount_fen);
    due += r.amount_fen; paid += p;
    const town = r.area_code.slice(0, 9);
    const a = byArea.get(town) ?? { due: 0, paid: 0 };
    a.due += r.amount_fen; a.paid += p; byArea.set(town, a);
    const split = JSON.parse(r.split) as Partial<Record<FundingSource, number>>;
    for (const s of FUNDING_SOURCES) {
      if (!split[s]) continue;
      const f = byFunding.get(s) ?? { due: 0, paid: 0 };
      f.due += split[s]!; f.paid += p === r.amount_fen ? split[s]! : Math.round((split[s]! * p) / r.amount_fen);
      byFunding.set(s, f);
    }
  }
  return {
    programme: c.programme, year: c.year, dueFen: due, paidFen: paid, rate: rate(paid, due),
    byArea: [...byArea].sort(([x], [y]) => (x < y ? -1 : 1)).map(([code, v]) => ({ areaCode: code, areaName: ctx.areas.has(code) ? ctx.areas.name(code) : code, dueFen: v.due, paidFen: v.paid, rate: rate(v.paid, v.due) })),
    byFunding: FUNDING_SOURCES.filter((s) => byFunding.has(s)).map((s) => ({ source: s, dueFen: byFunding.get(s)!.due, paidFen: byFunding.get(s)!.paid, rate: rate(byFunding.get(s)!.paid, byFunding.get(s)!.due) })),
  };
}

/**
 * Amounts due and paid on the frozen rosters of every programme of a year, per recorded area
 * code under `area` (the statistics' 资金发放率). The caller has checked the area's scope.
 */
export async function disbursementByArea(ctx: AppContext, area: string, year: number) {
  return repo.dueAndPaidByArea(ctx.db.kysely, area, year);
}

/** Closes the cycle once no payment is waiting for the bank. */
export async function closeCycle(ctx: AppContext, actor: Actor, cycleId: string, version: number) {
  const c = await requireCycle(ctx, actor, cycleId);
  if (c.status !== 'frozen' && c.status !== 'paying') throw new AppError(409, 'benefits.cycle_state', { status: c.status });
  if (c.version !== version) throw staleVersion();
  const db = ctx.db.kysely;
  const pending = await repo.pendingCount(db, c.id);
  if (pending > 0) throw new AppError(409, 'benefits.payments_pending', { count: pending });
  const d = await disbursement(ctx, { ...actor, areaCode: '' }, c.id);
  await db.transaction().execute(async (trx) => {
    if (!(await cycles.updateCycleVersioned(trx, c.id, version, { status: 'closed' }))) throw staleVersion();
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.close', entityType: 'benefit_cycle', entityId: c.id, areaCode: c.area_code, detail: { dueFen: d.dueFen, paidFen: d.paidFen, rate: d.rate } });
  });
  return getCycle(ctx, actor, c.id);
}
