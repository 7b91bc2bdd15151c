// Bulk writes of the registry (imports, synthetic cities): one transaction per chunk, all or
// nothing. On SQLite the chunk runs as cached prepared statements on the raw connection
// while holding Kysely's connection lock, so no other transaction can interleave; on
// PostgreSQL it COPYs the inserts and runs the rest through Kysely, on one client in one transaction.
import type Database from 'better-sqlite3';
import type { Db } from '../platform/db/database.ts';
import { copyRows } from '../platform/db/pg-copy.ts';
import { inClientTransaction } from '../platform/db/pg-client-transaction.ts';
import { auditHash, GENESIS_HASH, type AuditContent } from '../platform/audit/audit-hash.ts';
import { insertAuditRow } from '../platform/audit/audit.repository.ts';
import type { NewEvent, NewPerson, NewSpan } from '../platform/db/schema.ts';
import type { Insertable } from 'kysely';
import type { FamiliesTable } from '../platform/db/schema.ts';
import type { PackedChunk, PackedLists } from './packed-chunk.ts';

export interface Chunk {
  families?: Insertable<FamiliesTable>[];
  insertPersons?: NewPerson[];
  /** Whole-row replacements of existing persons (version already bumped by the caller). */
  updatePersons?: NewPerson[];
  /** Persons whose spans are replaced by `spans`. */
  replaceSpansOf?: string[];
  spans?: NewSpan[];
  events?: NewEvent[];
  /** Whole-row replacements of existing events (version already bumped by the caller). */
  updateEvents?: NewEvent[];
  audit?: AuditContent;
}

export const PERSON_COLS = ['id', 'id_number', 'name', 'sex', 'birth_date', 'ethnicity', 'hukou_type', 'marital_status', 'phone', 'hukou_area_code', 'residence_area_code', 'death_date', 'status', 'is_migrant', 'mother_id', 'father_id', 'spouse_id', 'family_id', 'synthetic', 'version', 'created_at', 'updated_at'] as const;
export const SPAN_COLS = ['person_id', 'start_date', 'end_date', 'hukou_area_code', 'residence_area_code'] as const;
export const EVENT_COLS = ['id', 'kind', 'person_id', 'date', 'area_code', 'from_area_code', 'spouse_id', 'mother_id', 'father_id', 'parity', 'note', 'import_job_id', 'version', 'created_at', 'updated_at'] as const;
export const FAMILY_COLS = ['id', 'household_number', 'area_code', 'head_id', 'version', 'created_at', 'updated_at'] as const;

type Row = Record<string, unknown>;
const values = (cols: readonly string[], r: Row) => cols.map((c) => (r[c] === undefined ? null : r[c]));

/** Runs `st` for each row with its columns as parameters, reusing one array (millions of rows on imports). */
function runEach(st: Database.Statement, cols: readonly string[], rows: readonly object[] | undefined): void {
  if (!rows?.length) return;
  const params: unknown[] = new Array(cols.length);
  for (const r of rows as Row[]) {
    for (let i = 0; i < cols.length; i++) {
      const v = r[cols[i]];
      params[i] = v === undefined ? null : v;
    }
    st.run(params);
  }
}

class SqliteStatements {
  readonly insertPerson; readonly updatePerson; readonly updateEvent; readonly deleteSpans; readonly insertSpan; readonly insertEvent; readonly insertFamily; readonly lastHash; readonly insertAudit;
  constructor(db: Database.Database) {
    const ins = (table: string, cols: readonly string[]) => db.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`);
    this.insertPerson = ins('persons', PERSON_COLS);
    this.updatePerson = db.prepare(`update persons set ${PERSON_COLS.slice(1).map((c) => `${c} = ?`).join(', ')} where id = ?`);
    this.deleteSpans = db.prepare('delete from person_spans where person_id = ?');
    this.insertSpan = ins('person_spans', SPAN_COLS);
    this.insertEvent = ins('population_events', EVENT_COLS);
    this.updateEvent = db.prepare(`update population_events set ${EVENT_COLS.slice(1).map((c) => `${c} = ?`).join(', ')} where id = ?`);
    this.insertFamily = ins('families', FAMILY_COLS);
    this.lastHash = db.prepare('select hash from audit_log order by seq desc limit 1').pluck();
    this.insertAudit = ins('audit_log', ['at', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'area_code', 'detail', 'ip', 'prev_hash', 'hash']);
  }
}

const statements = new WeakMap<Database.Database, SqliteStatements>();

/** Writes a chunk, plain or packed (packed-chunk.ts), in one transaction on a raw connection (the caller holds any lock it needs). */
export function writeSqlite(sqlite: Database.Database, c: Chunk | PackedChunk): void {
  let s = statements.get(sqlite);
  if (!s) { s = new SqliteStatements(sqlite); statements.set(sqlite, s); }
  const st = s;
  sqlite.transaction(() => {
    if ('packed' in c) writePacked(st, c.packed);
    else {
      runEach(st.insertFamily, FAMILY_COLS, c.families);
      runEach(st.insertPerson, PERSON_COLS, c.insertPersons);
      for (const p of c.updatePersons ?? []) st.updatePerson.run([...values(PERSON_COLS.slice(1), p as Row), p.id]);
      for (const id of c.replaceSpansOf ?? []) st.deleteSpans.run(id);
      runEach(st.insertSpan, SPAN_COLS, c.spans);
      runEach(st.insertEvent, EVENT_COLS, c.events);
      for (const e of c.updateEvents ?? []) st.updateEvent.run([...values(EVENT_COLS.slice(1), e as Row), e.id]);
    }
    if (c.audit) appendAudit(st, c.audit);
  }).immediate(); // the write lock first: the audit chain's last hash is read under it
}

/** The same writes, in the same order, from rows packed in column order. */
function writePacked(st: SqliteStatements, p: PackedLists): void {
  const each = <T>(parts: string[] | undefined, fn: (row: T) => void) => {
    for (const part of parts ?? []) for (const row of JSON.parse(part) as T[]) fn(row);
  };
  // An update's parameters: every column but the id, then the id (WHERE id = ?).
  const idLast = (row: unknown[]) => { row.push(row.shift()); return row; };
  each<unknown[]>(p.families, (r) => st.insertFamily.run(r));
  each<unknown[]>(p.insertPersons, (r) => st.insertPerson.run(r));
  each<unknown[]>(p.updatePersons, (r) => st.updatePerson.run(idLast(r)));
  each<string>(p.replaceSpansOf, (id) => st.deleteSpans.run(id));
  each<unknown[]>(p.spans, (r) => st.insertSpan.run(r));
  each<unknown[]>(p.events, (r) => st.insertEvent.run(r));
  each<unknown[]>(p.updateEvents, (r) => st.updateEvent.run(idLast(r)));
}

function appendAudit(st: SqliteStatements, audit: AuditContent): void {
  const prev = (st.lastHash.get() as string | undefined) ?? GENESIS_HASH;
  st.insertAudit.run([...values(['at', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'area_code', 'detail', 'ip'], audit as unknown as Row), prev, auditHash(prev, audit)]);
}

/** Appends an audit row on a raw connection; call it inside the (immediate) transaction of the write it records. */
export function appendAuditSqlite(sqlite: Database.Database, audit: AuditContent): void {
  let s = statements.get(sqlite);
  if (!s) { s = new SqliteStatements(sqlite); statements.set(sqlite, s); }
  appendAudit(s, audit);
}

/** PostgreSQL: inserts by COPY on one client (pg-copy.ts), the rest through Kysely on the same client and transaction. */
async function writePostgres(db: Db, c: Chunk): Promise<void> {
  await inClientTransaction(db.pgPool!, async (client, trx) => {
    await copyRows(client, 'families', FAMILY_COLS, c.families);
    await copyRows(client, 'persons', PERSON_COLS, c.insertPersons);
    for (const p of c.updatePersons ?? []) {
      const { id, ...rest } = p;
      await trx.updateTable('persons').set(rest).where('id', '=', id).execute();
    }
    for (let i = 0; c.replaceSpansOf && i < c.replaceSpansOf.length; i += 1000) {
      await trx.deleteFrom('person_spans').where('person_id', 'in', c.replaceSpansOf.slice(i, i + 1000)).execute();
    }
    await copyRows(client, 'person_spans', SPAN_COLS, c.spans);
    await copyRows(client, 'population_events', EVENT_COLS, c.events);
    for (const e of c.updateEvents ?? []) {
      const { id, ...rest } = e;
      await trx.updateTable('population_events').set(rest).where('id', '=', id).execute();
    }
    if (c.audit) await insertAuditRow(trx, db.dialect, c.audit);
  });
}

export async function writeChunk(db: Db, c: Chunk): Promise<void> {
  if (db.sqlite) {
    const sqlite = db.sqlite;
    await db.kysely.connection().execute(async () => writeSqlite(sqlite, c));
    return;
  }
  await writePostgres(db, c);
}
