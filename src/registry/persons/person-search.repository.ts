// The SQL of the person list: one page of a search, and its total counted up to a cap. Which
// index a search reads first is chosen here, by the kind of text and the size of the area.
// The area always lies inside the caller's scope (see conditions()).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor, Read } from '../../platform/db/executor.ts';
import { areaRange, nextCode } from '../../platform/db/area-range.ts';
import type { Database, PersonRow, PersonStatus, Sex } from '../../platform/db/schema.ts';
import { inScope } from './persons.repository.ts';

export interface PersonFilter {
  scope: string;
  area: string; // inside scope
  basis: 'hukou' | 'residence';
  q?: string;
  sex?: Sex;
  status?: PersonStatus;
  migrant?: boolean;
  birthFrom?: string; // inclusive
  birthTo?: string; // inclusive
}

export interface PersonPage extends PersonFilter {
  offset: number;
  limit: number;
}

/** The columns a list shows: reading only these keeps sorting and paging light. */
export const LIST_COLUMNS = [
  'id', 'id_number', 'name', 'sex', 'birth_date', 'death_date', 'status', 'is_migrant', 'hukou_type',
  'hukou_area_code', 'residence_area_code', 'version',
] as const satisfies readonly (keyof PersonRow)[];
export type PersonListRow = Pick<PersonRow, (typeof LIST_COLUMNS)[number]>;

type PersonsEb = ExpressionBuilder<Database, 'persons'>;
type Where = (eb: PersonsEb) => Expression<SqlBool>;
type Text = { kind: 'id_number' | 'id_prefix' | 'name'; text: string } | null;

const NAME_MAX = '\u{10FFFF}';
const VILLAGE = 12, TOWNSHIP = 9; // lengths of area codes

function textOf(q: string | undefined): Text {
  const text = q?.trim();
  if (!text) return null;
  if (/^\d{17}[\dX]$/i.test(text)) return { kind: 'id_number', text: text.toUpperCase() };
  if (/^\d{6,17}$/.test(text)) return { kind: 'id_prefix', text };
  return { kind: 'name', text };
}

/** The filters besides the leading condition (text or area range). */
function filtersOf(f: PersonFilter): Where[] {
  const out: Where[] = [];
  // The area lies inside the scope, so the scope adds nothing unless the area's range is wider.
  if (!rangeWithin(f.area, f.scope)) out.push(inScope(f.scope));
  if (f.sex) out.push((eb) => eb('sex', '=', f.sex!));
  if (f.status) out.push((eb) => eb('status', '=', f.status!));
  if (f.migrant !== undefined) out.push((eb) => eb('is_migrant', '=', f.migrant ? 1 : 0));
  if (f.birthFrom) out.push((eb) => eb('birth_date', '>=', f.birthFrom!));
  if (f.birthTo) out.push((eb) => eb('birth_date', '<=', f.birthTo!));
  return out;
}

function rangeWithin(area: string, scope: string): boolean {
  const a = areaRange(area), s = areaRange(scope);
  return a.lo >= s.lo && a.hi <= s.hi;
}

function inRange(col: 'hukou_area_code' | 'residence_area_code', code: string): Where {
  const { lo, hi } = areaRange(code);
  return (eb) => eb.and([eb(col, '>=', lo), eb(col, '<', hi)]);
}

/** Text searches lead with the ID number or name index; the area is then a filter. */
function byText(t: NonNullable<Text>): Where {
  if (t.kind === 'id_number') return (eb) => eb('id_number', '=', t.text);
  if (t.kind === 'id_prefix') return (eb) => eb.and([eb('id_number', '>=', t.text), eb('id_number', '<', nextCode(t.text))]);
  return (eb) => eb.and([eb('name', '>=', t.text), eb('name', '<', t.text + NAME_MAX)]);
}

/**
 * A surname (one character) inside a small area: the area's own index entries (they hold the
 * name) are fewer than the persons of that surname in the whole scope. Two disjoint reads: hukou
 * in the area; residence in the area with hukou elsewhere. The name is matched as a prefix
 * expression, so that no database walks the name index for it.
 */
function surnameInArea(t: Text, f: PersonFilter, minAreaLength: number): boolean {
  return t?.kind === 'name' && [...t.text].length === 1 && f.area.length >= minAreaLength;
}

function areaBranches(db: Executor, f: PersonFilter, text: string) {
  const prefix: Where = (eb) => eb(eb.fn('substr', ['name', sql.lit(1), sql.lit([...text].length)]), '=', text);
  const hukou = inRange('hukou_area_code', f.area), residence = inRange('residence_area_code', f.area);
  const branch = (where: Where) => {
    let q = db.selectFrom('persons').where(where).where(prefix);
    for (const w of filtersOf(f)) q = q.where(w);
    return q;
  };
  return [branch(hukou), branch((eb) => eb.and([residence(eb), eb.not(hukou(eb))]))] as const;
}

const direct: Read = (query) => query.execute();

/** One page of a search, in a stable order. `read` runs the SELECT (see readerOf). */
export async function searchPersons(db: Executor, f: PersonPage, read: Read = direct): Promise<PersonListRow[]> {
  const t = textOf(f.q);
  if (surnameInArea(t, f, VILLAGE)) {
    const [a, b] = areaBranches(db, f, t!.text);
    return read(a.select(LIST_COLUMNS).unionAll(b.select(LIST_COLUMNS)).orderBy('name').orderBy('id').offset(f.offset).limit(f.limit));
  }
  const col = f.basis === 'residence' ? 'residence_area_code' : 'hukou_area_code';
  let q = db.selectFrom('persons').select(LIST_COLUMNS);
  q = t ? q.where(byText(t)).where(inScope(f.area)) : q.where(inRange(col, f.area));
  for (const w of filtersOf(f)) q = q.where(w);
  if (t?.kind === 'name') q = q.orderBy('name').orderBy('id');
  else if (t) q = q.orderBy('id_number');
  else q = q.orderBy(col).orderBy('birth_date').orderBy('id');
  return read(q.offset(f.offset).limit(f.limit));
}

/** How many persons a search finds, counting no further than `cap` + 1. */
export async function countPersons(db: Executor, f: PersonFilter, cap: number, read: Read = direct): Promise<number> {
  const t = textOf(f.q);
  const col = f.basis === 'residence' ? 'residence_area_code' : 'hukou_area_code';
  const one = sql.lit(1).as('one');
  let capped;
  if (surnameInArea(t, f, TOWNSHIP)) {
    const [a, b] = areaBranches(db, f, t!.text);
    capped = a.select(one).unionAll(b.select(one)).limit(cap + 1);
  } else if (!t && (f.birthFrom || f.birthTo)) {
    // An age range inside a large area: rather than reading every entry of the area's range,
    // seek each distinct area code present and read only its birth-date range (a loose index
    // scan of (area code, birth date)), stopping at the cap.
    const { lo, hi } = areaRange(f.area);
    const filters = filtersOf(f);
    capped = db
      .withRecursive('codes(c)', (qc) => qc
        .selectFrom('persons').select((eb) => eb.fn.min<string | null>(col).as('c')).where(col, '>=', lo).where(col, '<', hi)
        .unionAll((u) => u.selectFrom('codes').where('c', 'is not', null).select((eb) => eb
          .selectFrom('persons').select((e2) => e2.fn.min(col).as('m')).where(col, '>', eb.ref('codes.c')).where(col, '<', hi)
          .as('c'))))
      .selectFrom('codes').innerJoin('persons', `persons.${col}`, 'codes.c')
      .select(one)
      .where((eb) => eb.and(filters.map((w) => w(eb as unknown as PersonsEb))))
      .limit(cap + 1);
  } else {
    let q = db.selectFrom('persons').select(one);
    q = t ? q.where(byText(t)).where(inScope(f.area)) : q.where(inRange(col, f.area));
    for (const w of filtersOf(f)) q = q.where(w);
    capped = q.limit(cap + 1);
  }
  const [counted] = await read(db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<number>().as('n')));
  return Number(counted.n);
}
