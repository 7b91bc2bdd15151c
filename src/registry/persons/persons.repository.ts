// All SQL about persons and their spans. Every read takes the caller's area scope: a person
// is inside it when their hukou or their residence lies in the scope's subtree.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';
import { areaRange, nextCode } from '../../platform/db/area-range.ts';
import type { Database, NewPerson, NewSpan, PersonRow, PersonStatus, PersonUpdate, Sex } from '../../platform/db/schema.ts';

type PersonsEb = ExpressionBuilder<Database, 'persons'>;

export function inScope(scope: string) {
  const { lo, hi } = areaRange(scope);
  return (eb: PersonsEb) =>
    eb.or([
      eb.and([eb('hukou_area_code', '>=', lo), eb('hukou_area_code', '<', hi)]),
      eb.and([eb('residence_area_code', '>=', lo), eb('residence_area_code', '<', hi)]),
    ]);
}

export async function findPerson(db: Executor, scope: string, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).where(inScope(scope)).executeTakeFirst();
}

export async function findPersonsByIds(db: Executor, scope: string, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('persons').selectAll().where('id', 'in', ids).where(inScope(scope)).execute();
}

export async function findPersonByIdNumber(db: Executor, scope: string, idNumber: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id_number', '=', idNumber).where(inScope(scope)).executeTakeFirst();
}

/** Unscoped existence check, used only to refuse a duplicate ID number. */
export async function idNumberTaken(db: Executor, idNumber: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('persons').select('id').where('id_number', '=', idNumber);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

export interface PersonSearch {
  scope: string;
  area: string; // inside scope
  basis: 'hukou' | 'residence';
  q?: string;
  sex?: Sex;
  status?: PersonStatus;
  migrant?: boolean;
  birthFrom?: string; // inclusive
  birthTo?: string; // inclusive
  offset: number;
  limit: number;
  countCap: number;
}

const NAME_MAX = '\u{10FFFF}';

export async function searchPersons(db: Executor, f: PersonSearch): Promise<{ rows: PersonRow[]; total: number }> {
  let q = db.selectFrom('persons');
  const text = f.q?.trim();
  const { lo, hi } = areaRange(f.area);
  let order: 'area' | 'id_number' | 'name' = 'area';
  if (text && /^\d{17}[\dX]$/i.test(text)) {
    q = q.where('id_number', '=', text.toUpperCase()).where(inScope(f.area));
    order = 'id_number';
  } else if (text && /^\d{6,17}$/.test(text)) {
    q = q.where('id_number', '>=', text).where('id_number', '<', nextCode(text)).where(inScope(f.area));
    order = 'id_number';
  } else if (text) {
    q = q.where('name', '>=', text).where('name', '<', text + NAME_MAX).where(inScope(f.area));
    order = 'name';
  } else if (f.basis === 'residence') {
    q = q.where('residence_area_code', '>=', lo).where('residence_area_code', '<', hi);
  } else {
    q = q.where('hukou_area_code', '>=', lo).where('hukou_area_code', '<', hi);
  }
  if (f.scope !== f.area) q = q.where(inScope(f.scope));
  if (f.sex) q = q.where('sex', '=', f.sex);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.migrant !== undefined) q = q.where('is_migrant', '=', f.migrant ? 1 : 0);
  if (f.birthFrom) q = q.where('birth_date', '>=', f.birthFrom);
  if (f.birthTo) q = q.where('birth_date', '<=', f.birthTo);

  let rowsQ = q.selectAll();
  if (order === 'id_number') rowsQ = rowsQ.orderBy('id_number');
  else if (order === 'name') rowsQ = rowsQ.orderBy('name').orderBy('id');
  else if (f.basis === 'residence') rowsQ = rowsQ.orderBy('residence_area_code').orderBy('birth_date').orderBy('id');
  else rowsQ = rowsQ.orderBy('hukou_area_code').orderBy('birth_date').orderBy('id');
  const rows = await rowsQ.offset(f.offset).limit(f.limit).execute();
  // Counting stops at the cap: an exact count of a whole city is not worth a full scan.
  const counted = await db
    .selectFrom(q.select(sql.lit(1).as('one')).limit(f.countCap + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(counted.n) };
}

export async function insertPerson(db: Executor, row: NewPerson): Promise<void> {
  await db.insertInto('persons').values(row).execute();
}

/** Updates when the stored version matches; returns false on a stale version. */
export async function updatePersonVersioned(db: Executor, id: string, version: number, changes: PersonUpdate): Promise<boolean> {
  const r = await db.updateTable('persons').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updatePersonDerived(db: Executor, id: string, changes: PersonUpdate): Promise<void> {
  await db.updateTable('persons').set((eb) => ({ ...changes, version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

export async function replaceSpans(db: Executor, personId: string, spans: NewSpan[]): Promise<void> {
  await db.deleteFrom('person_spans').where('person_id', '=', personId).execute();
  if (spans.length) await db.insertInto('person_spans').values(spans).execute();
}

export async function spansOf(db: Executor, personId: string) {
  return db.selectFrom('person_spans').selectAll().where('person_id', '=', personId).orderBy('start_date').execute();
}

export async function childrenOf(db: Executor, scope: string, personId: string): Promise<PersonRow[]> {
  return db.selectFrom('persons').selectAll()
    .where((eb) => eb.or([eb('mother_id', '=', personId), eb('father_id', '=', personId)]))
    .where(inScope(scope))
    .orderBy('birth_date').orderBy('id')
    .execute();
}

/** Children of a mother regardless of scope: parity counts every child she bore. */
export async function childBirthDatesOfMother(db: Executor, motherId: string): Promise<{ id: string; birth_date: string }[]> {
  return db.selectFrom('persons').select(['id', 'birth_date']).where('mother_id', '=', motherId).orderBy('birth_date').orderBy('id').execute();
}

export async function familyMembers(db: Executor, scope: string, familyId: string): Promise<PersonRow[]> {
  return db.selectFrom('persons').selectAll().where('family_id', '=', familyId).where(inScope(scope)).orderBy('birth_date').execute();
}

export async function findFamily(db: Executor, familyId: string) {
  return db.selectFrom('families').selectAll().where('id', '=', familyId).executeTakeFirst();
}
