// All SQL about persons and their spans. Every read takes the caller's area scope: a person
// is inside it when their hukou or their residence lies in the scope's subtree.
import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';
import { areaRange } from '../../platform/db/area-range.ts';
import type { Database, NewPerson, NewSpan, PersonRow, PersonUpdate } from '../../platform/db/schema.ts';

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
