// All SQL of benefit cycles, roster lines, review actions, objections and parameter sets. Reads
// take the caller's scope: a cycle is visible inside its county and to anyone above it; a line
// only inside the subtree of the caller's area.
import type { Db } from '../platform/db/database.ts';
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';
import { cachedStatement } from '../platform/db/statement-cache.ts';
import type { CycleRow, LineRow, LineStage, NewLine, ObjectionRow } from '../platform/db/schema.ts';

export function cycleVisible(cycleArea: string, scope: string): boolean {
  return cycleArea.startsWith(scope) || scope.startsWith(cycleArea);
}

export async function findCycle(db: Executor, scope: string, id: string): Promise<CycleRow | undefined> {
  const c = await db.selectFrom('benefit_cycles').selectAll().where('id', '=', id).executeTakeFirst();
  return c && cycleVisible(c.area_code, scope) ? c : undefined;
}

export async function findCycleFor(db: Executor, programme: string, area: string, year: number): Promise<CycleRow | undefined> {
  return db.selectFrom('benefit_cycles').selectAll().where('programme', '=', programme).where('area_code', '=', area).where('year', '=', year).executeTakeFirst();
}

export async function listCycles(db: Executor, scope: string, f: { programme?: string; year?: number }): Promise<CycleRow[]> {
  const { lo, hi } = areaRange(scope);
  // Counties inside the scope, or the one county above a township/village scope.
  const above = [scope.slice(0, 6), scope.slice(0, 4), scope.slice(0, 2)].filter((c) => c.length < scope.length);
  let q = db.selectFrom('benefit_cycles').selectAll()
    .where((eb) => eb.or([eb.and([eb('area_code', '>=', lo), eb('area_code', '<', hi)]), ...(above.length ? [eb('area_code', 'in', above)] : [])]));
  if (f.programme) q = q.where('programme', '=', f.programme);
  if (f.year) q = q.where('year', '=', f.year);
  return q.orderBy('year', 'desc').orderBy('programme').orderBy('area_code').limit(500).execute();
}

export async function insertCycle(db: Executor, row: CycleRow): Promise<void> {
  await db.insertInto('benefit_cycles').values(row).onConflict((oc) => oc.columns(['programme', 'area_code', 'year']).doNothing()).execute();
}

export async function updateCycleVersioned(db: Executor, id: string, version: number, changes: Partial<CycleRow>): Promise<boolean> {
  const r = await db.updateTable('benefit_cycles').set({ ...changes, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertParamSets(db: Executor, sets: { id: string; content: string }[]): Promise<void> {
  for (let i = 0; i < sets.length; i += 200) {
    await db.insertInto('benefit_param_sets').values(sets.slice(i, i + 200)).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

export async function paramSet(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('benefit_param_sets').select('content').where('id', '=', id).executeTakeFirst())?.content;
}

export async function deletePendingLines(db: Executor, cycleId: string): Promise<void> {
  await db.deleteFrom('benefit_lines').where('cycle_id', '=', cycleId).where('stage', '=', 'pending').execute();
}

/** Inserts lines; a person already on the cycle's roster (a line under review) is kept as it is. */
export async function insertLines(db: Executor, rows: NewLine[]): Promise<void> {
  if (rows.length) await db.insertInto('benefit_lines').values(rows).onConflict((oc) => oc.columns(['cycle_id', 'person_id']).doNothing()).execute();
}

const LINE_COLS = ['id', 'cycle_id', 'person_id', 'area_code', 'kind', 'eligible', 'reasons', 'scheme', 'stage', 'returned_reason', 'returned_level', 'amount_fen', 'split', 'param_set_id', 'rule_version', 'frozen', 'snapshot', 'bank_account', 'version', 'created_at', 'updated_at'] as const;

/** A line's values in LINE_COLS order (plain property reads: the same shape every time). */
function putLine(r: NewLine, out: unknown[]): void {
  out[0] = r.id; out[1] = r.cycle_id; out[2] = r.person_id; out[3] = r.area_code; out[4] = r.kind;
  out[5] = r.eligible; out[6] = r.reasons; out[7] = r.scheme ?? null; out[8] = r.stage;
  out[9] = r.returned_reason ?? null; out[10] = r.returned_level ?? null; out[11] = r.amount_fen; out[12] = r.split;
  out[13] = r.param_set_id ?? null; out[14] = r.rule_version ?? null; out[15] = r.frozen; out[16] = r.snapshot ?? null;
  out[17] = r.bank_account ?? null; out[18] = r.version; out[19] = r.created_at; out[20] = r.updated_at;
}

const insertLineSql = `insert or ignore into benefit_lines (${LINE_COLS.join(',')}) values (${LINE_COLS.map(() => '?').join(',')})`;

/**
 * Inserts many lines inside the caller's transaction `trx` (a person already on the roster is
 * kept). On SQLite one cached prepared statement runs on the raw connection, which `trx` holds;
 * on PostgreSQL multi-row inserts through `trx`. Between chunks the event loop gets a turn.
 */
export async function insertLinesBulk(trx: Executor, db: Db, rows: NewLine[], onChunk?: (done: number) => void): Promise<void> {
  const sqlite = db.sqlite;
  const chunk = sqlite ? 25_000 : 500;
  for (let i = 0; i < rows.length; i += chunk) {
    const end = Math.min(rows.length, i + chunk);
    if (sqlite) {
      const st = cachedStatement(sqlite, insertLineSql);
      const params: unknown[] = new Array(LINE_COLS.length);
      for (let j = i; j < end; j++) {
        putLine(rows[j], params);
        st.run(params);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    } else {
      await insertLines(trx, rows.slice(i, end));
    }
    onChunk?.(end);
  }
}

export async function eligiblePersonIds(db: Executor, cycleId: string): Promise<{ person_id: string; area_code: string }[]> {
  return db.selectFrom('benefit_lines').select(['person_id', 'area_code']).where('cycle_id', '=', cycleId).where('eligible', '=', 1).where('stage', '!=', 'withdrawn').execute();
}

export interface LineFilter {
  scope: string;
  cycleId: string;
  area?: string;
  stage?: LineStage;
  kind?: string;
  offset: number;
  limit: number;
}

function linesQuery(db: Executor, f: Omit<LineFilter, 'offset' | 'limit'>) {
  const { lo, hi } = areaRange(f.area && f.area.startsWith(f.scope) ? f.area : f.scope);
  let q = db.selectFrom('benefit_lines').where('cycle_id', '=', f.cycleId).where('area_code', '>=', lo).where('area_code', '<', hi);
  if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.kind) q = q.where('kind', '=', f.kind as LineRow['kind']);
  return q;
}

export async function listLines(db: Executor, f: LineFilter): Promise<LineRow[]> {
  return linesQuery(db, f).selectAll().orderBy('area_code').orderBy('id').offset(f.offset).limit(f.limit).execute();
}

export async function countLines(db: Executor, f: Omit<LineFilter, 'offset' | 'limit'>): Promise<number> {
  return Number((await linesQuery(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function stageCounts(db: Executor, scope: string, cycleId: string) {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('benefit_lines').select(['stage', 'kind', 'frozen']).select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')])
    .where('cycle_id', '=', cycleId).where('area_code', '>=', lo).where('area_code', '<', hi)
    .groupBy(['stage', 'kind', 'frozen']).execute();
}

export async function allLines(db: Executor, cycleId: string): Promise<LineRow[]> {
  return db.selectFrom('benefit_lines').selectAll().where('cycle_id', '=', cycleId).orderBy('id').execute();
}

export async function findLine(db: Executor, scope: string, id: string): Promise<LineRow | undefined> {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('benefit_lines').selectAll().where('id', '=', id).where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirst();
}

export async function findLines(db: Executor, scope: string, ids: string[]): Promise<LineRow[]> {
  if (!ids.length) return [];
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('benefit_lines').selectAll().where('id', 'in', ids).where('area_code', '>=', lo).where('area_code', '<', hi).execute();
}

export async function updateLineVersioned(db: Executor, id: string, version: number, changes: Partial<LineRow>): Promise<boolean> {
  const r = await db.updateTable('benefit_lines').set({ ...changes, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function unfrozenLines(db: Executor, cycleId: string, limit: number): Promise<LineRow[]> {
  return db.selectFrom('benefit_lines').selectAll().where('cycle_id', '=', cycleId).where('frozen', '=', 0).orderBy('id').limit(limit).execute();
}

export async function insertReviewAction(db: Executor, row: { id: string; line_id: string; level: string; action: string; reason: string | null; actor_id: string | null; actor_name: string; at: string }) {
  await db.insertInto('benefit_review_actions').values(row).execute();
}

export async function reviewHistory(db: Executor, lineId: string) {
  return db.selectFrom('benefit_review_actions').selectAll().where('line_id', '=', lineId).orderBy('at').orderBy('id').execute();
}

export async function insertObjection(db: Executor, row: ObjectionRow): Promise<void> {
  await db.insertInto('benefit_objections').values(row).execute();
}

export async function findObjection(db: Executor, scope: string, id: string): Promise<ObjectionRow | undefined> {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('benefit_objections').selectAll().where('id', '=', id).where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirst();
}

export async function listObjections(db: Executor, scope: string, cycleId: string): Promise<ObjectionRow[]> {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('benefit_objections').selectAll().where('cycle_id', '=', cycleId).where('area_code', '>=', lo).where('area_code', '<', hi).orderBy('created_at').execute();
}

export async function openObjectionCount(db: Executor, cycleId: string): Promise<number> {
  return Number((await db.selectFrom('benefit_objections').select((eb) => eb.fn.countAll<number>().as('n')).where('cycle_id', '=', cycleId).where('status', '=', 'open').executeTakeFirstOrThrow()).n);
}

export async function updateObjectionVersioned(db: Executor, id: string, version: number, changes: Partial<ObjectionRow>): Promise<boolean> {
  const r = await db.updateTable('benefit_objections').set({ ...changes, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Names and ID numbers of the confirmed, eligible lines of a cycle (for the public notice). */
export async function noticeRows(db: Executor, cycleId: string) {
  return db.selectFrom('benefit_lines as l').innerJoin('persons as p', 'p.id', 'l.person_id')
    .select(['l.id', 'l.area_code', 'l.amount_fen', 'l.kind', 'p.name', 'p.id_number'])
    .where('l.cycle_id', '=', cycleId).where('l.eligible', '=', 1).where('l.stage', '=', 'confirmed')
    .orderBy('l.area_code').orderBy('p.name').orderBy('l.id').execute();
}

/** The registry facts a frozen line keeps (name, ID number, birth date, hukou…). */
export async function snapshotRows(db: Executor, personIds: string[]) {
  if (!personIds.length) return [];
  return db.selectFrom('persons').select(['id', 'name', 'id_number', 'sex', 'birth_date', 'death_date', 'hukou_type', 'hukou_area_code', 'disability_grade', 'spouse_id'])
    .where('id', 'in', personIds).execute();
}

export async function freezeLine(db: Executor, id: string, snapshot: string, bankAccount: string | null): Promise<void> {
  await db.updateTable('benefit_lines').set((eb) => ({ frozen: 1, snapshot, bank_account: eb.fn.coalesce('bank_account', eb.val(bankAccount)), version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', id).where('frozen', '=', 0).execute();
}
