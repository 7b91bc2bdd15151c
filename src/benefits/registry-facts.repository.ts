// Reads the registry facts an eligibility run needs, set-based: every person registered in the
// county, the children and spouses (named on either side) living elsewhere with the spouses'
// children, and any persons named by id (last year's roster). Read-only; kept here rather than as many calls to the registry's person service
// because a run reads a whole county (up to millions of rows) in a few statements.
import type { Db } from '../platform/db/database.ts';
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';

export interface PersonFactsRow {
  id: string;
  sex: 'M' | 'F';
  birth_date: string;
  death_date: string | null;
  hukou_type: 'rural' | 'urban' | null;
  hukou_area_code: string;
  disability_grade: number | null;
  mother_id: string | null;
  father_id: string | null;
  spouse_id: string | null;
}

const COLUMNS = ['id', 'sex', 'birth_date', 'death_date', 'hukou_type', 'hukou_area_code', 'disability_grade', 'mother_id', 'father_id', 'spouse_id'] as const;
const prefixed = (t: string) => COLUMNS.map((c) => `${t}.${c}` as `p.${typeof c}`);

/** A person's facts in COLUMNS order: SQLite's raw rows as they come, no object per person. */
export type PersonFacts = readonly [
  id: string, sex: 'M' | 'F', birth_date: string, death_date: string | null, hukou_type: 'rural' | 'urban' | null,
  hukou_area_code: string, disability_grade: number | null, mother_id: string | null, father_id: string | null, spouse_id: string | null,
];

export const factsOf = (r: PersonFactsRow): PersonFacts =>
  [r.id, r.sex, r.birth_date, r.death_date, r.hukou_type, r.hukou_area_code, r.disability_grade, r.mother_id, r.father_id, r.spouse_id];

const ROWIDS_PER_READ = 2000;

/**
 * Everyone registered in the area, handed to `each` one at a time. On SQLite a city or province
 * (4 digits or fewer) is read by a sequential pass over the table, a few thousand rowids per
 * statement (`+` keeps the planner off the area index: most rows qualify, and the index would
 * cost a random read per row; small batches of `all()` cost less per row than `iterate()`); a
 * county or township uses the index.
 */
export async function eachPersonRegisteredIn(db: Db, area: string, each: (p: PersonFacts) => void): Promise<void> {
  const sqlite = db.sqlite;
  if (db.dialect !== 'sqlite' || !sqlite) {
    for (const r of await personsRegisteredIn(db.kysely, area)) each(factsOf(r));
    return;
  }
  const { lo, hi } = areaRange(area);
  await db.kysely.connection().execute(async () => {
    if (area.length > 4) {
      const st = sqlite.prepare(`select ${COLUMNS.join(', ')} from persons where hukou_area_code >= ? and hukou_area_code < ?`).raw(true);
      for (const a of st.iterate(lo, hi) as Iterable<PersonFacts>) each(a);
      return;
    }
    const [first, last] = sqlite.prepare('select min(rowid), max(rowid) from persons').raw(true).get() as [number | null, number | null];
    const st = sqlite.prepare(`select ${COLUMNS.join(', ')} from persons where rowid >= ? and rowid < ? and +hukou_area_code >= ? and +hukou_area_code < ?`).raw(true);
    if (first === null || last === null) return;
    for (let r = first; r <= last; r += ROWIDS_PER_READ) {
      for (const a of st.all(r, r + ROWIDS_PER_READ, lo, hi) as PersonFacts[]) each(a);
    }
  });
}

export async function personsRegisteredIn(db: Executor, area: string): Promise<PersonFactsRow[]> {
  const { lo, hi } = areaRange(area);
  return db.selectFrom('persons').select(COLUMNS).where('hukou_area_code', '>=', lo).where('hukou_area_code', '<', hi).execute() as Promise<PersonFactsRow[]>;
}

/** What the run knows of the area's persons when it looks for their relatives (households.ts). */
export interface AreaPersons {
  /** Whether the person is registered in the area. */
  has(id: string): boolean;
  /** Whether a person of the area names `id` as spouse in their own record. */
  namedAsSpouse(id: string): boolean;
  /** Whether the person of the area names a spouse in their own record. */
  namesSpouse(id: string): boolean;
  /** The ids persons of the area name as spouse, not of the area themselves. */
  spousesNotAdded(): string[];
  /** The persons of the area whose own record names no spouse. */
  namingNobody(): string[];
}

/**
 * The relatives, registered outside the area, that the households of the area's persons need
 * (households.ts): their children (by mother or father); their spouses, both the one a person's
 * own record names and, for a person whose record names nobody, whoever names them; and the
 * children of those spouses. When fewer persons live outside the area than inside (a whole city),
 * those outside are read and matched here; otherwise by index: children by joins, the spouses the
 * area's persons name by the ids the index holds, those naming one of them through persons_spouse.
 * Both ways read the same rows.
 */
export async function relativesOutside(db: Executor, area: string, insideCount: number, inside: AreaPersons): Promise<PersonFactsRow[]> {
  const { lo, hi } = areaRange(area);
  const outsideCount = Number((await db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('hukou_area_code', '<', lo), eb('hukou_area_code', '>=', hi)])).executeTakeFirstOrThrow()).n);
  if (outsideCount < insideCount) {
    const rows = (await db.selectFrom('persons').select(COLUMNS)
      .where((eb) => eb.or([eb('hukou_area_code', '<', lo), eb('hukou_area_code', '>=', hi)])).execute()) as PersonFactsRow[];
    const isSpouse = (r: PersonFactsRow) => inside.namedAsSpouse(r.id) || (!!r.spouse_id && inside.has(r.spouse_id) && !inside.namesSpouse(r.spouse_id));
    const isChild = (r: PersonFactsRow, of: (id: string) => boolean) => (!!r.mother_id && of(r.mother_id)) || (!!r.father_id && of(r.father_id));
    const spouses = new Set(rows.filter(isSpouse).map((r) => r.id));
    return rows.filter((r) => spouses.has(r.id) || isChild(r, (id) => inside.has(id) || spouses.has(id)));
  }
  const outside = (q: any) => q.where((eb: any) => eb.or([eb('p.hukou_area_code', '<', lo), eb('p.hukou_area_code', '>=', hi)]));
  const areaQ = (q: any) => q.where('q.hukou_area_code', '>=', lo).where('q.hukou_area_code', '<', hi);
  const read = (base: any) => outside(base).select(prefixed('p')).execute() as Promise<PersonFactsRow[]>;
  const children = [
    ...(await read(areaQ(db.selectFrom('persons as q').innerJoin('persons as p', 'p.mother_id', 'q.id')))),
    ...(await read(areaQ(db.selectFrom('persons as q').innerJoin('persons as p', 'p.father_id', 'q.id')))),
  ];
  const byIds = async (col: 'p.id' | 'p.spouse_id' | 'p.mother_id' | 'p.father_id', ids: string[]) => {
    const out: PersonFactsRow[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...(await read(db.selectFrom('persons as p').where(col, 'in', ids.slice(i, i + 500)))));
    return out;
  };
  // The spouses: those the area's persons name (their ids are at hand), and those naming one of them who names nobody.
  const spouses = [...(await byIds('p.id', inside.spousesNotAdded())), ...(await byIds('p.spouse_id', inside.namingNobody()))];
  const spouseIds = [...new Set(spouses.map((r) => r.id))];
  const theirs = [...(await byIds('p.mother_id', spouseIds)), ...(await byIds('p.father_id', spouseIds))];
  const seen = new Set<string>();
  return [...children, ...spouses, ...theirs].filter((r) => !seen.has(r.id) && seen.add(r.id));
}

export async function personsByIds(db: Executor, ids: string[]): Promise<PersonFactsRow[]> {
  const out: PersonFactsRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(...((await db.selectFrom('persons').select(COLUMNS).where('id', 'in', ids.slice(i, i + 500)).execute()) as PersonFactsRow[]));
  }
  return out;
}
