import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// Births and deaths kept as counts per basis (hukou / resident), day, area, kind, sex and parity,
// so that a period's vital figures read a few rows per area and day instead of every event.
//
// Where a birth or death counts depends on three tables (src/stats/stats.repository.ts,
// vitalSource): the event (kind, date, parity, recorded area), the person (sex, birth date)
// and the span that starts on the birth day or ends on the death day. A write to any of them
// can move a person's births and deaths, so the triggers work per person: they take away what
// the affected persons counted before the write and add what they count after it. "Before" is
// the table as it is now with the written rows put back as they were (OLD / the old transition
// table instead of NEW / the new one), so one AFTER trigger per write does both, exactly, on
// SQLite (per row) and on PostgreSQL (per statement, over the transition tables).
// Parity is stored as −1 when unknown (NULL cannot be part of the key).

const EVENT_COLS = ['id', 'kind', 'person_id', 'date', 'area_code', 'parity'];
const PERSON_COLS = ['id', 'sex', 'birth_date'];
const SPAN_COLS = ['id', 'person_id', 'start_date', 'end_date', 'hukou_area_code', 'residence_area_code'];

interface Sources { events: string; persons: string; spans: string }
const CURRENT: Sources = { events: 'population_events', persons: 'persons', spans: 'person_spans' };

/** The births and deaths of the persons `who` selects, counted from `src`, as aggregate rows with `sign`. */
function contribution(src: Sources, who: string, sign: string): string {
  const area = `coalesce(case k.basis when 'hukou' then s.hukou_area_code else s.residence_area_code end,
      case when e.kind = 'birth' or p.birth_date = e.date then e.area_code end)`;
  return `select k.basis, e.date, ${area} as area_code, e.kind, p.sex, coalesce(e.parity, -1) as parity, ${sign} * count(*) as n
    from ${src.events} e
    join ${src.persons} p on p.id = e.person_id
    cross join (select 'hukou' as basis union all select 'resident') k
    left join ${src.spans} s on s.person_id = e.person_id
      and ((e.kind = 'birth' and s.start_date = e.date) or (e.kind = 'death' and s.end_date = e.date))
    where e.kind in ('birth', 'death') and e.person_id in (${who})
      and ${area} is not null
    group by k.basis, e.date, ${area}, e.kind, p.sex, coalesce(e.parity, -1)`;
}

const upsert = (select: string) =>
  `insert into stats_vital_counts (basis, date, area_code, kind, sex, parity, n) select * from (${select}) x where true
   on conflict (basis, date, area_code, kind, sex, parity) do update set n = stats_vital_counts.n + excluded.n`;

/**
 * The rows of the persons `who` selects in `table` as they were before the write: now, minus the
 * rows written (`newIds`), plus their old values (`oldRows`). Bounded to those persons so that
 * it reads a few rows by index, never the whole table.
 */
function before(table: string, cols: string[], pid: string, who: string, newIds: string | null, oldRows: string | null): string {
  const c = cols.join(', ');
  const kept = `select ${c} from ${table} where ${pid} in (${who})${newIds ? ` and id not in (${newIds})` : ''}`;
  return `(${kept}${oldRows ? ` union all ${oldRows}` : ''})`;
}

/** The two statements of one write: take away the old counts, add the new. */
function statements(table: keyof Sources, who: string, newIds: string | null, oldRows: string | null): string[] {
  const cols = table === 'events' ? EVENT_COLS : table === 'persons' ? PERSON_COLS : SPAN_COLS;
  const pid = table === 'persons' ? 'id' : 'person_id';
  const old: Sources = { ...CURRENT, [table]: before(CURRENT[table], cols, pid, who, newIds, oldRows) };
  return [upsert(contribution(old, who, '-1')), upsert(contribution(CURRENT, who, '1'))];
}

/** Fills the (empty) aggregate from the registry; also after bulk loads (src/stats/aggregates.service.ts). */
export async function backfillVital(db: Kysely<any>): Promise<void> {
  await sql.raw(`insert into stats_vital_counts (basis, date, area_code, kind, sex, parity, n) ${vitalCountsSelect()}`).execute(db);
}

/** The rows of stats_vital_counts counted afresh from the registry, in primary-key order (also read on a thread after bulk loads). */
export function vitalCountsSelect(): string {
  return `select * from (${contribution(CURRENT, 'select id from persons', '1')}) x order by 1, 2, 3, 4, 5, 6`;
}

function sqliteTriggers(): string[] {
  const oldRow = (cols: string[]) => `select ${cols.map((c) => `OLD.${c}`).join(', ')}`;
  const out: string[] = [];
  const specs: [keyof Sources, string, string[], string][] = [
    ['events', 'population_events', EVENT_COLS, "OLD.kind in ('birth', 'death') or NEW.kind in ('birth', 'death')"],
    ['persons', 'persons', PERSON_COLS, 'OLD.sex is not NEW.sex or OLD.birth_date is not NEW.birth_date or OLD.id is not NEW.id'],
    ['spans', 'person_spans', SPAN_COLS, ''],
  ];
  for (const [key, table, cols, changed] of specs) {
    const pid = key === 'persons' ? 'id' : 'person_id';
    const body = (stmts: string[]) => stmts.map((s) => `${s};`).join('\n');
    const insWhen = key === 'events' ? " when NEW.kind in ('birth', 'death')" : '';
    const delWhen = key === 'events' ? " when OLD.kind in ('birth', 'death')" : '';
    out.push(`create trigger stats_vital_${key}_insert after insert on ${table}${insWhen} begin ${body(statements(key, `NEW.${pid}`, 'NEW.id', null))} end`);
    out.push(`create trigger stats_vital_${key}_delete after delete on ${table}${delWhen} begin ${body(statements(key, `OLD.${pid}`, null, oldRow(cols)))} end`);
    out.push(`create trigger stats_vital_${key}_update after update on ${table}${changed ? ` when ${changed}` : ''} begin ${body(statements(key, `OLD.${pid}, NEW.${pid}`, 'NEW.id', oldRow(cols)))} end`);
  }
  return out;
}

function postgresTriggers(): string[] {
  const out: string[] = [];
  const specs: [keyof Sources, string, string[]][] = [
    ['events', 'population_events', EVENT_COLS],
    ['persons', 'persons', PERSON_COLS],
    ['spans', 'person_spans', SPAN_COLS],
  ];
  for (const [key, table, cols] of specs) {
    const pid = key === 'persons' ? 'id' : 'person_id';
    const c = cols.join(', ');
    const ops: ['insert' | 'delete' | 'update', boolean, boolean][] = [['insert', true, false], ['delete', false, true], ['update', true, true]];
    for (const [op, hasNew, hasOld] of ops) {
      const whoParts = [hasNew ? `select ${pid} from new_rows` : null, hasOld ? `select ${pid} from old_rows` : null].filter(Boolean);
      const stmts = statements(key, whoParts.join(' union '), hasNew ? 'select id from new_rows' : null, hasOld ? `select ${c} from old_rows` : null);
      // An update of persons that changes neither sex, birth date nor id moves no birth or death.
      const guard = key === 'persons' && op === 'update'
        ? 'if not exists (select 1 from old_rows o full join new_rows n on n.id = o.id where o.id is null or n.id is null or o.sex <> n.sex or o.birth_date <> n.birth_date) then return null; end if;'
        : '';
      const name = `stats_vital_${key}_${op}`;
      const referencing = [hasOld ? 'old table as old_rows' : '', hasNew ? 'new table as new_rows' : ''].filter(Boolean).join(' ');
      out.push(`create function ${name}_fn() returns trigger language plpgsql as $$ begin ${guard} ${stmts.map((s) => `${s};`).join('\n')} return null; end $$`);
      out.push(`create trigger ${name} after ${op} on ${table} referencing ${referencing} for each statement execute function ${name}_fn()`);
    }
  }
  return out;
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const code = (c: any) => (dialect === 'postgres' ? c.modifyEnd(sql`collate "C"`) : c);
  const clustered = (t: any) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);
  await db.schema.createTable('stats_vital_counts')
    .addColumn('basis', 'varchar(8)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('parity', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_vital_counts_pk', ['basis', 'date', 'area_code', 'kind', 'sex', 'parity'])
    .$call(clustered)
    .execute();
  if (dialect === 'postgres') await sql`create index stats_vital_counts_cover on stats_vital_counts (basis, date, area_code) include (kind, sex, parity, n)`.execute(db);
  await backfillVital(db);
  for (const s of dialect === 'sqlite' ? sqliteTriggers() : postgresTriggers()) await sql.raw(s).execute(db);
}
