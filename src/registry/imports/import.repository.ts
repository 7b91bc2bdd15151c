// Look-ups of an import batch: a few set-based queries per few thousand rows.
import type { Db } from '../../platform/db/database.ts';
import { cachedStatement } from '../../platform/db/statement-cache.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { EventRow, PersonRow } from '../../platform/db/schema.ts';

const CHUNK = 900; // stays under every driver's parameter limit

async function inChunks<T, R>(items: T[], fn: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}


/**
 * Persons by ID number, whatever their area: the caller decides what is in scope. On SQLite one
 * cached statement takes the numbers as a JSON array (an import asks for thousands per batch:
 * preparing a new 900-parameter statement each time cost more than the look-ups), run while
 * holding Kysely's connection so that no transaction of another caller is open around it.
 */
export async function personsByIdNumbers(db: Db, idNumbers: string[], distinct = false): Promise<Map<string, PersonRow>> {
  const rows = await byIdNumbers<PersonRow>(db, distinct ? idNumbers : [...new Set(idNumbers)], '*');
  return new Map(rows.map((r) => [r.id_number!, r]));
}

/** Only the ids of the persons with these (distinct) ID numbers, set in `into`: relatives to link need no whole rows. */
export async function idsByIdNumbers(db: Db, idNumbers: string[], into: Map<string, string | null>): Promise<void> {
  const rows = await byIdNumbers<{ id: string; id_number: string }>(db, idNumbers, 'id, id_number');
  for (const r of rows) into.set(r.id_number, r.id);
}

async function byIdNumbers<R>(db: Db, unique: string[], columns: '*' | 'id, id_number'): Promise<R[]> {
  if (unique.length === 0) return [];
  const sqlite = db.sqlite;
  if (sqlite) {
    const stmt = cachedStatement(sqlite, `select ${columns} from persons where id_number in (select value from json_each(?))`);
    return db.kysely.connection().execute(async () => stmt.all(JSON.stringify(unique)) as R[]);
  }
  const pick = columns === '*' ? null : (['id', 'id_number'] as const);
  return inChunks(unique, async (part) => {
    const q = db.kysely.selectFrom('persons').where('id_number', 'in', part);
    return (pick ? await q.select(pick).execute() : await q.selectAll().execute()) as R[];
  });
}

export async function eventsOfPersons(db: Executor, personIds: string[]): Promise<Map<string, EventRow[]>> {
  const rows = await inChunks([...new Set(personIds)], (part) => db.selectFrom('population_events').selectAll().where('person_id', 'in', part).execute());
  const out = new Map<string, EventRow[]>();
  for (const r of rows) {
    const list = out.get(r.person_id);
    if (list) list.push(r); else out.set(r.person_id, [r]);
  }
  return out;
}

/** Children of mothers: births already known, for parity and for matching a child without an ID number. */
export async function childrenOfMothers(db: Executor, motherIds: string[]): Promise<Map<string, PersonRow[]>> {
  const rows = await inChunks([...new Set(motherIds)], (part) => db.selectFrom('persons').selectAll().where('mother_id', 'in', part).execute());
  const out = new Map<string, PersonRow[]>();
  for (const r of rows) {
    const list = out.get(r.mother_id!);
    if (list) list.push(r); else out.set(r.mother_id!, [r]);
  }
  return out;
}

export async function personsByIds(db: Executor, ids: string[]): Promise<Map<string, PersonRow>> {
  const rows = await inChunks([...new Set(ids)], (part) => db.selectFrom('persons').selectAll().where('id', 'in', part).execute());
  return new Map(rows.map((r) => [r.id, r]));
}

/** A person without an ID number is recognised by name, birth date and hukou area. */
export async function findUnnumbered(db: Executor, name: string, birthDate: string, hukouAreaCode: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll()
    .where('id_number', 'is', null).where('name', '=', name).where('birth_date', '=', birthDate).where('hukou_area_code', '=', hukouAreaCode)
    .executeTakeFirst();
}
