// All SQL of the records behind the service indicators: preconception-check target couples and
// their checks, migrant registrations, assisted (三结合) households.
import { sql } from 'kysely';
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';

export type RecordKind = 'couples' | 'migrants' | 'assisted';
export const TABLE = { couples: 'stats_preconception_couples', migrants: 'stats_migrant_registrations', assisted: 'stats_assisted_households' } as const;

const inRange = (area: string) => { const { lo, hi } = areaRange(area); return { lo, hi }; };

export async function listCouples(db: Executor, area: string, year: number) {
  const { lo, hi } = inRange(area);
  return db.selectFrom('stats_preconception_couples as c')
    .innerJoin('persons as w', 'w.id', 'c.wife_id').leftJoin('persons as h', 'h.id', 'c.husband_id')
    .select(['c.id', 'c.area_code', 'c.year', 'c.wife_id', 'c.husband_id', 'c.checked_on', 'c.check_place', 'c.note', 'c.version', 'w.name as wife_name', 'w.id_number as wife_id_number', 'h.name as husband_name'])
    .where('c.area_code', '>=', lo).where('c.area_code', '<', hi).where('c.year', '=', year)
    .orderBy('c.area_code').orderBy('c.id').execute();
}

export async function listMigrantRegistrations(db: Executor, area: string, year: number) {
  const { lo, hi } = inRange(area);
  return db.selectFrom('stats_migrant_registrations as r').innerJoin('persons as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.person_id', 'r.area_code', 'r.registered_on', 'r.note', 'r.version', 'p.name', 'p.id_number', 'p.hukou_area_code'])
    .where('r.area_code', '>=', lo).where('r.area_code', '<', hi)
    .where('r.registered_on', '>=', `${year}-01-01`).where('r.registered_on', '<=', `${year}-12-31`)
    .orderBy('r.registered_on').orderBy('r.id').execute();
}

export async function listAssisted(db: Executor, area: string, year: number) {
  const { lo, hi } = inRange(area);
  return db.selectFrom('stats_assisted_households as a').innerJoin('persons as p', 'p.id', 'a.head_id')
    .select(['a.id', 'a.area_code', 'a.year', 'a.head_id', 'a.assistance', 'a.amount_fen', 'a.assisted_on', 'a.note', 'a.version', 'p.name as head_name', 'p.id_number as head_id_number'])
    .where('a.area_code', '>=', lo).where('a.area_code', '<', hi).where('a.year', '=', year)
    .orderBy('a.assisted_on').orderBy('a.id').execute();
}

export async function findRecord(db: Executor, kind: RecordKind, scope: string, id: string): Promise<{ id: string; area_code: string; version: number } | undefined> {
  const { lo, hi } = inRange(scope);
  return db.selectFrom(TABLE[kind]).select(['id', 'area_code', 'version']).where('id', '=', id).where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirst();
}

export async function coupleOfYear(db: Executor, year: number, wifeId: string) {
  return db.selectFrom('stats_preconception_couples').selectAll().where('year', '=', year).where('wife_id', '=', wifeId).executeTakeFirst();
}

export async function registrationExists(db: Executor, personId: string, date: string): Promise<boolean> {
  return !!(await db.selectFrom('stats_migrant_registrations').select('id').where('person_id', '=', personId).where('registered_on', '=', date).executeTakeFirst());
}

export async function insertRecord(db: Executor, kind: RecordKind, row: Record<string, unknown>): Promise<void> {
  await db.insertInto(TABLE[kind]).values(row as never).execute();
}

export async function updateCheck(db: Executor, id: string, version: number, c: { checked_on: string | null; check_place: string | null; note: string | null; updated_at: string }): Promise<boolean> {
  const r = await db.updateTable('stats_preconception_couples').set({ ...c, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteRecord(db: Executor, kind: RecordKind, id: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom(TABLE[kind]).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export interface ServiceCountRow { area: string; n: number; m: number }

/** Target couples of the year and those checked by `to`, per recorded area. */
export async function coupleCounts(db: Executor, area: string, year: number, to: string): Promise<ServiceCountRow[]> {
  const { lo, hi } = inRange(area);
  const rows = await db.selectFrom('stats_preconception_couples')
    .select(['area_code as area', sql<number>`count(*)`.as('n'), sql<number>`sum(case when checked_on is not null and checked_on <= ${to} then 1 else 0 end)`.as('m')])
    .where('area_code', '>=', lo).where('area_code', '<', hi).where('year', '=', year).groupBy('area_code').execute();
  return rows.map((r) => ({ area: r.area, n: Number(r.n), m: Number(r.m ?? 0) }));
}

/**
 * Migrants living in the area at 24:00 of `to` (their span then is a migrant one) who were
 * registered there by that day, per area of residence. The (few) registrations drive the
 * join (CROSS JOIN keeps that order on SQLite), never the spans of the whole area.
 */
export async function registeredMigrantCounts(db: Executor, area: string, to: string): Promise<ServiceCountRow[]> {
  const { lo, hi } = inRange(area);
  const r = await sql<{ area: string; n: number }>`
    select s.residence_area_code as area, count(distinct r.person_id) as n
    from stats_migrant_registrations r cross join person_spans s
    where s.person_id = r.person_id and s.start_date <= ${to} and (s.end_date is null or s.end_date > ${to})
      and r.area_code >= ${lo} and r.area_code < ${hi} and r.registered_on <= ${to}
      and s.residence_area_code >= ${lo} and s.residence_area_code < ${hi} and s.hukou_area_code is not null
      and (case when length(s.hukou_area_code) >= 9 and length(s.residence_area_code) >= 9
        then substr(s.hukou_area_code, 1, 9) <> substr(s.residence_area_code, 1, 9)
        else substr(s.hukou_area_code, 1, 6) <> substr(s.residence_area_code, 1, 6) end)
    group by s.residence_area_code`.execute(db);
  return r.rows.map((x) => ({ area: x.area, n: Number(x.n), m: 0 }));
}
