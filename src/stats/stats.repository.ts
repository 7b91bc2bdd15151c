// All SQL of the statistics: population from the delta aggregates (and, for proofs and the
// benchmark baseline, straight from the spans), births and deaths of a period, their records,
// and the age pyramid. Every query is bounded to one area subtree.
import { sql } from 'kysely';
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';
import type { Sex } from '../platform/db/schema.ts';
import { addDays } from './periods.ts';
import type { VitalRow } from './compute.ts';
import { policyRules } from './birth-policy.ts';

export type Basis = 'hukou' | 'resident';
/** The population bases the aggregates hold: 'migrant' = residents living outside their township of hukou. */
export type PopulationBasis = Basis | 'migrant';
export interface PopulationRow { area: string; start: number; end: number }

const spanColumn = (basis: PopulationBasis) => sql.ref(basis === 'hukou' ? 's.hukou_area_code' : 's.residence_area_code');
const MIGRANT_SPAN = sql`s.hukou_area_code is not null and s.residence_area_code is not null
  and (case when length(s.hukou_area_code) >= 9 and length(s.residence_area_code) >= 9
    then substr(s.hukou_area_code, 1, 9) <> substr(s.residence_area_code, 1, 9)
    else substr(s.hukou_area_code, 1, 6) <> substr(s.residence_area_code, 1, 6) end)`;

/**
 * Population per recorded area code at 00:00 of `from` and 24:00 of `to`, from the aggregates:
 * at 24:00 of day T it is the open spans minus the net starts after T.
 */
export async function populationFromAggregates(db: Executor, basis: PopulationBasis, area: string, from: string, to: string): Promise<PopulationRow[]> {
  const { lo, hi } = areaRange(area);
  const [totals, after] = await Promise.all([
    db.selectFrom('stats_population_totals').select(['area_code', (eb) => eb.fn.sum<number>('total').as('n')])
      .where('basis', '=', basis).where('area_code', '>=', lo).where('area_code', '<', hi).groupBy('area_code').execute(),
    db.selectFrom('stats_population_deltas')
      .select(['area_code',
        sql<number>`sum(delta)`.as('after_start'),
        sql<number>`sum(case when date > ${to} then delta else 0 end)`.as('after_end')])
      .where('basis', '=', basis).where('date', '>=', from).where('area_code', '>=', lo).where('area_code', '<', hi)
      .groupBy('area_code').execute(),
  ]);
  const rows = new Map<string, PopulationRow>();
  for (const t of totals) rows.set(t.area_code, { area: t.area_code, start: Number(t.n), end: Number(t.n) });
  for (const a of after) {
    const r = rows.get(a.area_code) ?? { area: a.area_code, start: 0, end: 0 };
    r.start -= Number(a.after_start);
    r.end -= Number(a.after_end);
    rows.set(a.area_code, r);
  }
  return [...rows.values()];
}

/** The same figures counted straight from the spans: the reference the aggregates must equal. */
export async function populationFromSpans(db: Executor, basis: PopulationBasis, area: string, from: string, to: string): Promise<PopulationRow[]> {
  const { lo, hi } = areaRange(area);
  const col = spanColumn(basis);
  const before = addDays(from, -1); // 00:00 of `from` = 24:00 of the day before
  const rows = await sql<{ area: string; start: number; end: number }>`
    select ${col} as area,
      sum(case when s.start_date <= ${before} and (s.end_date is null or s.end_date > ${before}) then 1 else 0 end) as start,
      sum(case when s.start_date <= ${to} and (s.end_date is null or s.end_date > ${to}) then 1 else 0 end) as "end"
    from person_spans s join persons p on p.id = s.person_id
    where ${col} >= ${lo} and ${col} < ${hi} and s.start_date <= ${to} and (s.end_date is null or s.end_date > ${before})
      and ${basis === 'migrant' ? MIGRANT_SPAN : sql`1 = 1`}
    group by ${col}`.execute(db);
  return rows.rows.map((r) => ({ area: r.area, start: Number(r.start), end: Number(r.end) }));
}

export interface PopulationRecord { personId: string; sex: Sex; name: string; idNumber: string | null; birthDate: string; area: string }
/** A part of a population: one sex, births in (bornAfter, bornTo] (an age band on the day). */
export interface PopulationPart { sex?: Sex; bornAfter?: string; bornTo?: string }

function populationAt(basis: Basis, area: string, date: string, part: PopulationPart) {
  const { lo, hi } = areaRange(area);
  const col = spanColumn(basis);
  return sql`from person_spans s join persons p on p.id = s.person_id
    where ${col} >= ${lo} and ${col} < ${hi} and s.start_date <= ${date} and (s.end_date is null or s.end_date > ${date})
      ${part.sex ? sql`and p.sex = ${part.sex}` : sql``}
      ${part.bornAfter ? sql`and p.birth_date > ${part.bornAfter}` : sql``}
      ${part.bornTo ? sql`and p.birth_date <= ${part.bornTo}` : sql``}`;
}

/**
 * The persons counted in the population at 24:00 of `date` (the records behind a population
 * count), or in a part of it: one page, in the order of the area index of the spans (area,
 * start date, row).
 */
export async function populationRecords(db: Executor, basis: Basis, area: string, date: string, page: { limit: number; offset: number }, part: PopulationPart = {}): Promise<PopulationRecord[]> {
  const col = spanColumn(basis);
  const rows = await sql<{ person_id: string; sex: Sex; name: string; id_number: string | null; birth_date: string; area: string }>`
    select s.person_id, p.sex, p.name, p.id_number, p.birth_date, ${col} as area
    ${populationAt(basis, area, date, part)}
    order by ${col}, s.start_date, s.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows.rows.map((r) => ({ personId: r.person_id, sex: r.sex, name: r.name, idNumber: r.id_number, birthDate: r.birth_date, area: r.area }));
}

/** How many persons a part of the population holds (its whole is read from the aggregates instead). */
export async function countPopulationPart(db: Executor, basis: Basis, area: string, date: string, part: PopulationPart): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n ${populationAt(basis, area, date, part)}`.execute(db);
  return Number(r.rows[0].n);
}

/**
 * Where a birth or death counts on a basis: the area of the child's first span (births) or of the
 * span the death ends; a newborn who dies on the day of birth has no span and counts where the
 * events were recorded.
 */
function vitalSource(basis: Basis, from: string, to: string, kinds: readonly ('birth' | 'death')[] = ['birth', 'death']) {
  const col = spanColumn(basis);
  return sql`
    select e.id, e.kind, e.date, e.parity, e.person_id, p.sex, p.name, p.id_number,
      coalesce(${col}, case when e.kind = 'birth' or p.birth_date = e.date then e.area_code end) as area
    from population_events e
    join persons p on p.id = e.person_id
    left join person_spans s on s.person_id = e.person_id
      and ((e.kind = 'birth' and s.start_date = e.date) or (e.kind = 'death' and s.end_date = e.date))
    where e.kind in (${sql.join(kinds.map((k) => sql`${k}`))}) and e.date >= ${from} and e.date <= ${to}`;
}

/** Births and deaths counted event by event: the reference the aggregate must equal. */
export async function vitalRowsFromEvents(db: Executor, basis: Basis, area: string, from: string, to: string): Promise<VitalRow[]> {
  const { lo, hi } = areaRange(area);
  const r = await sql<{ kind: 'birth' | 'death'; area: string; date: string; sex: Sex; parity: number | null; n: number }>`
    select v.kind, v.area, v.date, v.sex, v.parity, count(*) as n from (${vitalSource(basis, from, to)}) v
    where v.area >= ${lo} and v.area < ${hi}
    group by v.kind, v.area, v.date, v.sex, v.parity`.execute(db);
  return r.rows.map((x) => ({ ...x, parity: x.parity === null ? null : Number(x.parity), n: Number(x.n) }));
}

/** The same rows from stats_vital_counts (migration 006): a few rows per area and day. */
export async function vitalRowsFromAggregates(db: Executor, basis: Basis, area: string, from: string, to: string): Promise<VitalRow[]> {
  const { lo, hi } = areaRange(area);
  const r = await sql<{ kind: 'birth' | 'death'; area: string; date: string; sex: Sex; parity: number; n: number }>`
    select kind, area_code as area, date, sex, parity, n from stats_vital_counts
    where basis = ${basis} and date >= ${from} and date <= ${to} and area_code >= ${lo} and area_code < ${hi} and n <> 0`.execute(db);
  return r.rows.map((x) => ({ kind: x.kind, area: x.area, date: x.date, sex: x.sex, parity: Number(x.parity) === -1 ? null : Number(x.parity), n: Number(x.n) }));
}

export interface VitalRecord { eventId: string; kind: 'birth' | 'death'; date: string; parity: number | null; personId: string; sex: Sex; name: string; idNumber: string | null; area: string }

export interface VitalFilter { kind: 'birth' | 'death'; sex?: Sex; parity?: 1 | 2 | 3 | 'unknown'; policy?: 'compliant' | 'noncompliant' }

/** The filter as a condition on columns `date`, `sex` and `parity` (NULL or −1 = unknown) of `t`. */
function filterCondition(t: string, f: VitalFilter) {
  const col = (c: string) => sql.ref(`${t}.${c}`);
  const parts = [sql`${col('kind')} = ${f.kind}`];
  if (f.sex) parts.push(sql`${col('sex')} = ${f.sex}`);
  if (f.parity !== undefined) {
    parts.push(f.parity === 'unknown' ? sql`(${col('parity')} is null or ${col('parity')} < 1)`
      : f.parity === 3 ? sql`${col('parity')} >= 3` : sql`${col('parity')} = ${f.parity}`);
  }
  // The dated rule sets as date ranges with their limits (classifyBirth in birth-policy.ts).
  if (f.policy) {
    const rules = policyRules();
    const ranges = rules.flatMap((r, i) => {
      if (r.maxCompliantParity === null) return [];
      const next = rules[i + 1]?.from;
      const inRange = next ? sql`${col('date')} >= ${r.from} and ${col('date')} < ${next}` : sql`${col('date')} >= ${r.from}`;
      const byParity = f.policy === 'compliant' ? sql`${col('parity')} >= 1 and ${col('parity')} <= ${r.maxCompliantParity}` : sql`${col('parity')} > ${r.maxCompliantParity}`;
      return [sql`(${inRange} and ${byParity})`];
    });
    parts.push(ranges.length ? sql`(${sql.join(ranges, sql` or `)})` : sql`1 = 0`);
  }
  return sql.join(parts, sql` and `);
}

/** How many records a filter selects, from the aggregate. */
export async function vitalTotal(db: Executor, basis: Basis, area: string, from: string, to: string, f: VitalFilter): Promise<number> {
  const { lo, hi } = areaRange(area);
  const r = await sql<{ n: number | null }>`
    select sum(v.n) as n from stats_vital_counts v
    where v.basis = ${basis} and v.date >= ${from} and v.date <= ${to} and v.area_code >= ${lo} and v.area_code < ${hi}
      and ${filterCondition('v', f)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * One page of the records behind a count, in date order. The events are read in the order of
 * the index on (kind, date, person_id) (a kind has one event per person and day), so a page
 * stops after `offset + limit` matching events instead of reading the whole period.
 */
export async function vitalRecords(db: Executor, basis: Basis, area: string, from: string, to: string, f: VitalFilter, page: { limit: number; offset: number }): Promise<VitalRecord[]> {
  const { lo, hi } = areaRange(area);
  const r = await sql<{ id: string; kind: 'birth' | 'death'; date: string; parity: number | null; person_id: string; sex: Sex; name: string; id_number: string | null; area: string }>`
    select v.* from (${vitalSource(basis, from, to, [f.kind])}) v
    where v.area >= ${lo} and v.area < ${hi} and ${filterCondition('v', f)}
    order by v.date, v.person_id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return r.rows.map((x) => ({ eventId: x.id, kind: x.kind, date: x.date, parity: x.parity === null ? null : Number(x.parity), personId: x.person_id, sex: x.sex, name: x.name, idNumber: x.id_number, area: x.area }));
}

/** Persons by sex and five-year age group (0–4 … 95–99, 100+) at 24:00 of `date`. */
export async function pyramidRows(db: Executor, basis: Basis, area: string, date: string): Promise<{ sex: Sex; band: number; n: number }[]> {
  const year = Number(date.slice(0, 4));
  const mmdd = date.slice(5);
  const r = await sql<{ sex: Sex; band: number; n: number }>`
    select a.sex, case when a.age >= 100 then 20 else cast(a.age / 5 as integer) end as band, count(*) as n from (
      select p.sex, cast(${year} as integer) - cast(substr(p.birth_date, 1, 4) as integer) - case when substr(p.birth_date, 6, 5) > ${mmdd} then 1 else 0 end as age
      ${populationAt(basis, area, date, {})}
    ) a group by 1, 2`.execute(db);
  return r.rows.map((x) => ({ sex: x.sex, band: Number(x.band), n: Number(x.n) }));
}
