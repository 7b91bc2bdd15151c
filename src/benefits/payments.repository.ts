// All SQL of payment batches and payments. A payment is keyed by (batch, line); the partial unique
// index benefit_payments_once lets a person hold at most one pending-or-paid payment per
// programme, cycle and period.
import { sql } from 'kysely';
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';
import type { BatchRow, PaymentStatus } from '../platform/db/schema.ts';

export async function nextBatchSeq(db: Executor, cycleId: string): Promise<number> {
  const r = await db.selectFrom('benefit_batches').select((eb) => eb.fn.max('seq').as('m')).where('cycle_id', '=', cycleId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function insertBatch(db: Executor, row: BatchRow): Promise<void> {
  await db.insertInto('benefit_batches').values(row).execute();
}

/** Adds to the batch every payable line of the cycle that has no pending or paid payment. */
export async function insertPaymentsFor(db: Executor, batchId: string, cycleId: string, programme: string, period: number, at: string): Promise<{ n: number; fen: number }> {
  await db.insertInto('benefit_payments')
    .columns(['batch_id', 'line_id', 'cycle_id', 'programme', 'period', 'person_id', 'area_code', 'amount_fen', 'bank_account', 'status', 'failure_reason', 'updated_at'])
    .expression(
      db.selectFrom('benefit_lines as l')
        .select([
          sql<string>`${batchId}`.as('batch_id'), 'l.id', 'l.cycle_id', sql<string>`${programme}`.as('programme'), sql<number>`${period}`.as('period'),
          'l.person_id', 'l.area_code', 'l.amount_fen', 'l.bank_account', sql<string>`${'pending'}`.as('status'), sql<null>`null`.as('failure_reason'), sql<string>`${at}`.as('updated_at'),
        ])
        .where('l.cycle_id', '=', cycleId).where('l.frozen', '=', 1).where('l.eligible', '=', 1).where('l.stage', '=', 'confirmed')
        .where('l.kind', '!=', 'leaving').where('l.amount_fen', '>', 0)
        .where(({ not, exists, selectFrom }) => not(exists(
          selectFrom('benefit_payments as p').select('p.line_id').whereRef('p.line_id', '=', 'l.id').where('p.status', '!=', 'failed'),
        ))),
    ).execute();
  const r = await db.selectFrom('benefit_payments').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')]).where('batch_id', '=', batchId).executeTakeFirstOrThrow();
  return { n: Number(r.n), fen: Number(r.fen ?? 0) };
}

export async function setBatchTotals(db: Executor, batchId: string, n: number, fen: number): Promise<void> {
  await db.updateTable('benefit_batches').set({ line_count: n, total_fen: fen }).where('id', '=', batchId).execute();
}

export async function findBatch(db: Executor, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('benefit_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listBatches(db: Executor, cycleId: string) {
  return db.selectFrom('benefit_batches as b').selectAll('b')
    .select((eb) => [
      eb.selectFrom('benefit_payments as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.batch_id', '=', 'b.id').where('p.status', '=', 'paid').as('paid'),
      eb.selectFrom('benefit_payments as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.batch_id', '=', 'b.id').where('p.status', '=', 'failed').as('failed'),
    ])
    .where('b.cycle_id', '=', cycleId).orderBy('b.seq').execute();
}

/** Payments of a batch with the frozen snapshot of their line, in a stable order (the bank file). */
export async function batchRows(db: Executor, batchId: string) {
  return db.selectFrom('benefit_payments as p').innerJoin('benefit_lines as l', 'l.id', 'p.line_id')
    .select(['p.line_id', 'p.batch_id', 'p.amount_fen', 'p.bank_account', 'p.area_code', 'p.status', 'l.snapshot'])
    .where('p.batch_id', '=', batchId).orderBy('p.area_code').orderBy('p.line_id').execute();
}

/** Marks pending payments paid; payments already settled are left alone (a repeated import). */
export async function markPaid(db: Executor, batchId: string, lineIds: string[], at: string): Promise<number> {
  if (!lineIds.length) return 0;
  const r = await db.updateTable('benefit_payments').set({ status: 'paid', updated_at: at })
    .where('batch_id', '=', batchId).where('line_id', 'in', lineIds).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markFailed(db: Executor, batchId: string, lineId: string, reason: string, at: string): Promise<number> {
  const r = await db.updateTable('benefit_payments').set({ status: 'failed', failure_reason: reason, updated_at: at })
    .where('batch_id', '=', batchId).where('line_id', '=', lineId).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function paymentStatuses(db: Executor, batchId: string, lineIds: string[]): Promise<Map<string, PaymentStatus>> {
  if (!lineIds.length) return new Map();
  const rows = await db.selectFrom('benefit_payments').select(['line_id', 'status']).where('batch_id', '=', batchId).where('line_id', 'in', lineIds).execute();
  return new Map(rows.map((r) => [r.line_id, r.status]));
}

export async function pendingCount(db: Executor, cycleId: string): Promise<number> {
  return Number((await db.selectFrom('benefit_payments').select((eb) => eb.fn.countAll<number>().as('n')).where('cycle_id', '=', cycleId).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
}

/** Due and paid amounts of a cycle's payable lines in the scope. */
export async function paymentTotals(db: Executor, scope: string, cycleId: string) {
  const { lo, hi } = areaRange(scope);
  const due = await db.selectFrom('benefit_lines').select((eb) => eb.fn.sum<number>('amount_fen').as('fen'))
    .where('cycle_id', '=', cycleId).where('frozen', '=', 1).where('eligible', '=', 1).where('stage', '=', 'confirmed').where('kind', '!=', 'leaving')
    .where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirstOrThrow();
  const by = await db.selectFrom('benefit_payments').select(['status']).select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')])
    .where('cycle_id', '=', cycleId).where('area_code', '>=', lo).where('area_code', '<', hi).groupBy('status').execute();
  const get = (s: string) => by.find((r) => r.status === s);
  const paidLines = await db.selectFrom('benefit_payments').select((eb) => eb.fn.count<number>('line_id').distinct().as('n'))
    .where('cycle_id', '=', cycleId).where('status', '=', 'paid').where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirstOrThrow();
  const failedUnpaid = await db.selectFrom('benefit_payments as p').select((eb) => eb.fn.count<number>('p.line_id').distinct().as('n'))
    .where('p.cycle_id', '=', cycleId).where('p.status', '=', 'failed').where('p.area_code', '>=', lo).where('p.area_code', '<', hi)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('benefit_payments as q').select('q.line_id').whereRef('q.line_id', '=', 'p.line_id').where('q.status', '!=', 'failed'))))
    .executeTakeFirstOrThrow();
  return {
    dueFen: Number(due.fen ?? 0), paidFen: Number(get('paid')?.fen ?? 0), pending: Number(get('pending')?.n ?? 0),
    paidLines: Number(paidLines.n), failedUnpaid: Number(failedUnpaid.n),
  };
}

/** Payable lines with what was paid on each (for rates by area and funding source). */
export async function dueAndPaidByLine(db: Executor, scope: string, cycleId: string) {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('benefit_lines as l')
    .select(['l.id', 'l.area_code', 'l.amount_fen', 'l.split'])
    .select((eb) => eb.selectFrom('benefit_payments as p').select((e) => e.fn.sum<number>('p.amount_fen').as('s')).whereRef('p.line_id', '=', 'l.id').where('p.status', '=', 'paid').as('paid_fen'))
    .where('l.cycle_id', '=', cycleId).where('l.frozen', '=', 1).where('l.eligible', '=', 1).where('l.stage', '=', 'confirmed').where('l.kind', '!=', 'leaving')
    .where('l.area_code', '>=', lo).where('l.area_code', '<', hi).execute();
}


/** Due and paid amounts per area code of the frozen, payable lines of every cycle of a year in the scope. */
export async function dueAndPaidByArea(db: Executor, scope: string, year: number) {
  const { lo, hi } = areaRange(scope);
  const rows = await db.selectFrom('benefit_lines as l').innerJoin('benefit_cycles as c', 'c.id', 'l.cycle_id')
    .select(['l.area_code'])
    .select((eb) => [
      eb.fn.sum<number>('l.amount_fen').as('due'),
      eb.fn.sum<number>(eb.selectFrom('benefit_payments as p').select((e) => e.fn.sum<number>('p.amount_fen').as('s')).whereRef('p.line_id', '=', 'l.id').where('p.status', '=', 'paid')).as('paid'),
      eb.fn.countAll<number>().as('lines'),
    ])
    .where('c.year', '=', year).where('l.frozen', '=', 1).where('l.eligible', '=', 1).where('l.stage', '=', 'confirmed').where('l.kind', '!=', 'leaving')
    .where('l.area_code', '>=', lo).where('l.area_code', '<', hi)
    .groupBy('l.area_code').execute();
  return rows.map((r) => ({ area: r.area_code, dueFen: Number(r.due ?? 0), paidFen: Number(r.paid ?? 0), lines: Number(r.lines) }));
}
