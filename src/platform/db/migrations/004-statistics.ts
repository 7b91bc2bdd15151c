import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// Statistics: population deltas kept exactly in step with person_spans, yearly targets, and the
// editable sections of the work summary.
//
// stats_population_deltas holds, per basis (hukou / resident / migrant: resident outside the
// township of hukou), area, sex and day, the net number
// of spans starting (+1) and ending (−1) that day; stats_population_totals the number of open
// spans (the population "now"). The population at 24:00 of day T is then
//   total − Σ delta over the days after T,
// which reads only the rows after T (few, for recent periods) instead of every span.
// Database triggers (per row on SQLite, per statement over the transition tables on PostgreSQL)
// keep both tables in step with every write to person_spans and with a change of a person's sex,
// whichever code path writes (services, imports, seeding, raw statements), so
// the figures equal a recomputation from the spans by construction (test/stats/aggregates.test.ts).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const code = (c: any) => (dialect === 'postgres' ? c.modifyEnd(sql`collate "C"`) : c);
  // SQLite: the rows are the primary key's b-tree (WITHOUT ROWID), so a range of days is read
  // in order without a lookup per row; PostgreSQL gets a covering index instead.
  const clustered = (t: any) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);
  const now = (t: any) => t.addColumn('created_at', 'varchar(32)', (c: any) => c.notNull()).addColumn('updated_at', 'varchar(32)', (c: any) => c.notNull());

  await db.schema.createTable('stats_population_deltas')
    .addColumn('basis', 'varchar(8)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_population_deltas_pk', ['basis', 'date', 'area_code', 'sex'])
    .$call(clustered)
    .execute();
  if (dialect === 'postgres') await sql`create index stats_population_deltas_cover on stats_population_deltas (basis, date, area_code) include (delta)`.execute(db);
  await db.schema.createTable('stats_population_totals')
    .addColumn('basis', 'varchar(8)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_population_totals_pk', ['basis', 'area_code', 'sex'])
    .$call(clustered)
    .execute();

  await now(db.schema.createTable('stats_targets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'varchar(64)', (c) => c.notNull())
    .addColumn('direction', 'varchar(8)', (c) => c.notNull()) // higher | lower | count
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('stats_targets_key', ['area_code', 'year', 'indicator']))
    .execute();

  await now(db.schema.createTable('stats_summary_templates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('section', 'varchar(32)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('stats_summary_templates_key', ['area_code', 'section']))
    .execute();

  // The records behind the service indicators (kept by the office, by form or .xlsx import).
  await now(db.schema.createTable('stats_preconception_couples')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('wife_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('husband_id', 'varchar(36)')
    .addColumn('checked_on', 'varchar(10)')
    .addColumn('check_place', 'varchar(100)')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('stats_preconception_couples_key', ['year', 'wife_id']))
    .execute();
  await db.schema.createIndex('stats_preconception_area').on('stats_preconception_couples').columns(['area_code', 'year']).execute();
  await now(db.schema.createTable('stats_migrant_registrations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('registered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('stats_migrant_registrations_key', ['person_id', 'registered_on']))
    .execute();
  await db.schema.createIndex('stats_migrant_registrations_area').on('stats_migrant_registrations').columns(['area_code', 'registered_on']).execute();
  await now(db.schema.createTable('stats_assisted_households')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('head_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('assistance', 'varchar(200)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('assisted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)))
    .execute();
  await db.schema.createIndex('stats_assisted_area').on('stats_assisted_households').columns(['area_code', 'year']).execute();

  // Births and deaths of a period are read by kind and date, and placed by the span that starts
  // (birth) or ends (death) that day: both read from indexes alone.
  await db.schema.createIndex('stats_events_kind_date').on('population_events').columns(['kind', 'date', 'person_id', 'area_code', 'parity']).execute();
  await db.schema.createIndex('stats_spans_person_dates').on('person_spans').columns(['person_id', 'start_date', 'end_date', 'hukou_area_code', 'residence_area_code']).execute();

  await backfill(db);
  if (dialect === 'sqlite') for (const s of sqliteTriggers()) await sql.raw(s).execute(db);
  else for (const s of postgresTriggers()) await sql.raw(s).execute(db);
}

/**
 * The area a span counts in on each basis: hukou, residence, and "migrant" (the residence of a
 * span whose residence lies outside the township of hukou, or the county when a code is
 * coarser, as isMigrantPair in src/registry/spans.ts).
 */
function areaOf(spans: string): string {
  const h = `${spans}.hukou_area_code`;
  const r = `${spans}.residence_area_code`;
  const migrant = `${h} is not null and ${r} is not null and (case when length(${h}) >= 9 and length(${r}) >= 9 then substr(${h}, 1, 9) <> substr(${r}, 1, 9) else substr(${h}, 1, 6) <> substr(${r}, 1, 6) end)`;
  return `(case k.basis when 'hukou' then ${h} when 'resident' then ${r} else (case when ${migrant} then ${r} end) end)`;
}

/** Rows (basis, area, sex, date, delta) of the spans of one person row set, `sign` = +1 or −1. */
function deltaSelect(spans: string, from: string, sex: string, sign: string, where: string, grouped = true): string {
  return `select k.basis, ${areaOf(spans)} as area_code, ${sex} as sex,
      case e.side when 1 then ${spans}.start_date else ${spans}.end_date end as date, ${grouped ? `sum(e.side * ${sign})` : `e.side * ${sign}`} as delta
    from ${from} cross join (select 'hukou' as basis union all select 'resident' union all select 'migrant') k cross join (select 1 as side union all select -1) e
    where ${where}
      and (${areaOf(spans)}) is not null
      and (case e.side when 1 then ${spans}.start_date else ${spans}.end_date end) is not null
    ${grouped ? 'group by 1, 2, 3, 4' : ''}`;
}

function totalSelect(spans: string, from: string, sex: string, sign: string, where: string, grouped = true): string {
  return `select k.basis, ${areaOf(spans)} as area_code, ${sex} as sex, ${grouped ? `sum(${sign})` : sign} as total
    from ${from} cross join (select 'hukou' as basis union all select 'resident' union all select 'migrant') k
    where ${where} and ${spans}.end_date is null
      and (${areaOf(spans)}) is not null
    ${grouped ? 'group by 1, 2, 3' : ''}`;
}

const upsertDeltas = (select: string) =>
  `insert into stats_population_deltas (basis, area_code, sex, date, delta) ${select}
   on conflict (basis, date, area_code, sex) do update set delta = stats_population_deltas.delta + excluded.delta`;
const upsertTotals = (select: string) =>
  `insert into stats_population_totals (basis, area_code, sex, total) ${select}
   on conflict (basis, area_code, sex) do update set total = stats_population_totals.total + excluded.total`;

/**
 * The statements that apply one span row (NEW or OLD) with a sign: the person's sex read once;
 * the rows of one span never share a key (each basis once, start and end on different days),
 * so no grouping is needed.
 */
function spanRowStatements(row: 'NEW' | 'OLD', sign: string): string[] {
  const where = `p.id = ${row}.person_id`;
  return [
    upsertDeltas(deltaSelect(row, 'persons p', 'p.sex', sign, where, false)),
    upsertTotals(totalSelect(row, 'persons p', 'p.sex', sign, where, false)),
  ];
}
/** A person's sex changed: all their spans move from the old sex to the new. */
function sexChangeStatements(): string[] {
  const out: string[] = [];
  for (const [sex, sign] of [['OLD.sex', '-1'], ['NEW.sex', '1']] as const) {
    out.push(upsertDeltas(deltaSelect('s', 'person_spans s', sex, sign, 's.person_id = NEW.id')));
    out.push(upsertTotals(totalSelect('s', 'person_spans s', sex, sign, 's.person_id = NEW.id')));
  }
  return out;
}

/**
 * Fills the empty aggregate tables from the spans (also after bulk loads: src/stats/aggregates.service.ts).
 * The spans are joined to persons once; the rows go in in primary-key order, so that the
 * inserts append instead of landing all over the b-tree (a million persons: 3.6 million rows).
 */
export async function backfill(db: Kysely<any>): Promise<void> {
  const joined = `j as materialized (select s.start_date, s.end_date, s.hukou_area_code, s.residence_area_code, p.sex
      from person_spans s join persons p on p.id = s.person_id),
    k(basis) as (values ('hukou'), ('resident'), ('migrant'))`;
  await sql.raw(`with ${joined}
    insert into stats_population_deltas (basis, date, area_code, sex, delta)
    select basis, date, area_code, sex, sum(delta) from (
      select k.basis, j.start_date as date, ${areaOf('j')} as area_code, j.sex, 1 as delta from j cross join k
      union all
      select k.basis, j.end_date, ${areaOf('j')}, j.sex, -1 from j cross join k where j.end_date is not null
    ) x where area_code is not null
    group by basis, date, area_code, sex order by basis, date, area_code, sex`).execute(db);
  await sql.raw(`with ${joined}
    insert into stats_population_totals (basis, area_code, sex, total)
    select basis, area_code, sex, count(*) from (
      select k.basis, ${areaOf('j')} as area_code, j.sex from j cross join k where j.end_date is null
    ) x where area_code is not null
    group by basis, area_code, sex order by basis, area_code, sex`).execute(db);
}

function sqliteTriggers(): string[] {
  const body = (stmts: string[]) => stmts.map((s) => `${s};`).join('\n');
  return [
    `create trigger stats_spans_insert after insert on person_spans begin ${body(spanRowStatements('NEW', '1'))} end`,
    `create trigger stats_spans_delete after delete on person_spans begin ${body(spanRowStatements('OLD', '-1'))} end`,
    `create trigger stats_spans_update after update on person_spans begin ${body([...spanRowStatements('OLD', '-1'), ...spanRowStatements('NEW', '1')])} end`,
    `create trigger stats_person_sex after update of sex on persons when OLD.sex <> NEW.sex begin ${body(sexChangeStatements())} end`,
  ];
}

/**
 * PostgreSQL: statement-level triggers over the transition tables, so that a multi-row insert
 * or delete (imports write 1,000–2,000 rows a statement) updates the aggregates in one
 * grouped statement instead of once per row.
 */
function postgresTriggers(): string[] {
  const fn = (name: string, stmts: string[], guard = '') =>
    `create function ${name}() returns trigger language plpgsql as $$ begin ${guard} ${stmts.map((x) => `${x};`).join('\n')} return null; end $$`;
  /** Grouped upserts of the spans of `parts` (each a FROM over spans `s` with the sex and sign to use). */
  const apply = (parts: { from: string; sex: string; sign: string; where?: string }[]) => {
    const deltas = parts.map((x) => deltaSelect('s', x.from, x.sex, x.sign, x.where ?? '1 = 1')).join(' union all ');
    const totals = parts.map((x) => totalSelect('s', x.from, x.sex, x.sign, x.where ?? '1 = 1')).join(' union all ');
    return [
      upsertDeltas(`select basis, area_code, sex, date, sum(delta) from (${deltas}) x group by 1, 2, 3, 4`),
      upsertTotals(`select basis, area_code, sex, sum(total) from (${totals}) x group by 1, 2, 3`),
    ];
  };
  // The sex by a lookup per span row (an index probe), never a join the planner could turn into
  // a scan of all persons; rows whose person is not there yet are left out as on SQLite.
  const sex = '(select p.sex from persons p where p.id = s.person_id)';
  const rows = (table: string, sign: string) => ({ from: `${table} s`, sex, sign, where: `${sex} is not null` });
  const changed = 'old_persons o join new_persons n on n.id = o.id and o.sex <> n.sex join person_spans s on s.person_id = o.id';
  // Every update of persons fires it: it stops at once unless a sex changed.
  const sexChanged = 'if not exists (select 1 from old_persons o join new_persons n on n.id = o.id where o.sex <> n.sex) then return null; end if;';
  return [
    fn('stats_spans_insert_fn', apply([rows('new_spans', '1')])),
    fn('stats_spans_delete_fn', apply([rows('old_spans', '-1')])),
    fn('stats_spans_update_fn', apply([rows('old_spans', '-1'), rows('new_spans', '1')])),
    fn('stats_person_sex_fn', apply([{ from: changed, sex: 'o.sex', sign: '-1' }, { from: changed, sex: 'n.sex', sign: '1' }]), sexChanged),
    'create trigger stats_spans_insert after insert on person_spans referencing new table as new_spans for each statement execute function stats_spans_insert_fn()',
    'create trigger stats_spans_delete after delete on person_spans referencing old table as old_spans for each statement execute function stats_spans_delete_fn()',
    'create trigger stats_spans_update after update on person_spans referencing old table as old_spans new table as new_spans for each statement execute function stats_spans_update_fn()',
    'create trigger stats_person_sex after update on persons referencing old table as old_persons new table as new_persons for each statement execute function stats_person_sex_fn()',
  ];
}
