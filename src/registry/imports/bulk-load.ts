// Large persons imports and seeding into a (nearly) empty registry on SQLite: the search
// indexes of persons and person_spans, and the triggers that keep the population aggregates in
// step (migrations 004 and 006, the latter also on population_events), are dropped while the rows go in; at the end the indexes are built
// again, and the triggers created again with the aggregates counted afresh from the spans, in
// one transaction (so that a kill never leaves triggers over stale aggregates). PostgreSQL:
// the same indexes are dropped with their definitions recorded, and the aggregate triggers
// disabled instead of dropped (bulk-load.postgres.ts).
//
// Why: file order is random for every index but the primary keys, so each row lands on a
// different index page, and every commit rewrites all the pages it touched. At 1,000,000
// persons that is more than half of the import's time; building the indexes once, sorted, at
// the end takes about 10 s (measured, 1M rows: 87 s with the indexes kept, 48 s dropped and
// rebuilt).
//
// Safety: only indexes that speed up searches are dropped; the primary keys and the UNIQUE
// constraints (ID numbers, the events' natural key) stay, so the data cannot go wrong without
// them. They are rebuilt when the import ends, also when it fails. If the process is killed
// in between, they are missing (searches slow, results right) until the next import that is
// not a dry run starts (`restoreIndexes`, which compares with the indexes the migrations
// create): re-running the killed import, as a kill requires anyway, brings them back first.
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { openDb } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { rebuildPopulationAggregates } from '../../stats/aggregates.service.ts';
import { countPopulationOnThread, wantsCountThread } from '../../stats/population-count-thread.ts';
import { restorePostgres, suspendPostgres } from './bulk-load.postgres.ts';

const TABLES = ['persons', 'person_spans'];
/** Tables whose aggregate triggers are dropped too (births and deaths: migration 006); their indexes stay. */
const TRIGGER_TABLES = [...TABLES, 'population_events'];

interface Derived { type: 'index' | 'trigger'; sql: string }

/**
 * An import of at least this many rows (one full transaction), into a table at most as large,
 * drops the indexes: building them for the whole table afterwards then costs less than keeping
 * them (200,000 rows into an empty table: 8 s instead of 10 s; 1,000,000: 48 s instead of 87 s).
 */
export const BULK_MIN_ROWS = 50_000;

/** Both dialects: the search indexes and the aggregate triggers (PostgreSQL: bulk-load.postgres.ts). */
export function wantsBulkLoad(expectedRows: number, existingPersons: number): boolean {
  return expectedRows >= BULK_MIN_ROWS && expectedRows >= existingPersons;
}

/**
 * The index led by the span's person: imports and seeding write spans in the order of new person
 * ids (UUIDv7, increasing), so it grows at its end; keeping it costs less than building it (1M: 2 s).
 */
const KEPT = new Set(['stats_spans_person_dates']);

/**
 * Helper threads of SQLite's sorter while the indexes are built (`PRAGMA threads`; 0 by
 * default): the sorts of CREATE INDEX then use the second core (1M rows: 9 s instead of 13 s).
 */
const SORT_THREADS = 2;

let canonical: Promise<Map<string, Derived>> | null = null;

/** Name → CREATE statement of the droppable indexes and triggers, as the migrations create them. */
function canonicalDerived(): Promise<Map<string, Derived>> {
  canonical ??= (async () => {
    const mem = openDb(':memory:');
    try {
      await migrateToLatest(mem);
      return derivedOf(mem);
    } finally {
      await mem.close();
    }
  })();
  return canonical;
}

function derivedOf(db: Db): Map<string, Derived> {
  const list = (t: string[]) => t.map(() => '?').join(', ');
  const rows = db.sqlite!.prepare(
    `select name, type, sql from sqlite_master where sql is not null
       and ((type = 'index' and tbl_name in (${list(TABLES)})) or (type = 'trigger' and tbl_name in (${list(TRIGGER_TABLES)})))`,
  ).all(...TABLES, ...TRIGGER_TABLES) as { name: string; type: Derived['type']; sql: string }[];
  return new Map(rows.map((r) => [r.name, { type: r.type, sql: r.sql }]));
}

/** Runs `fn` on the raw connection while holding Kysely's, in one transaction. */
async function exclusive(db: Db, fn: () => void): Promise<void> {
  const sqlite = db.sqlite!;
  await db.kysely.connection().execute(async () => sqlite.transaction(fn)());
}

/** Drops the search indexes of persons and person_spans (but those KEPT), and the aggregate triggers (also those on population_events), that the migrations create; on PostgreSQL it records the indexes' definitions and disables the triggers instead (bulk-load.postgres.ts). */
export async function suspendDerived(db: Db): Promise<void> {
  const ours = await canonicalDerived(); // an index or trigger added by hand is left alone
  if (!db.sqlite) {
    const indexes = [...ours].filter(([name, d]) => d.type === 'index' && !KEPT.has(name)).map(([name]) => name);
    return suspendPostgres(db, TRIGGER_TABLES, TABLES, new Set(indexes));
  }
  const names = [...derivedOf(db)].filter(([name]) => ours.has(name) && !KEPT.has(name));
  await exclusive(db, () => { for (const [name, d] of names) db.sqlite!.exec(`drop ${d.type} "${name}"`); });
}

/**
 * Writes of the caller run in the transaction that restores (SQLite), before the indexes are
 * built and while the thread counts: they must change no person's sex or birth date, no span
 * and no event, whose counts the thread has taken already (linking relatives changes none).
 */
export type During = (sqlite: Database.Database) => void;

/**
 * Creates whichever of those indexes and triggers are missing, in one transaction; when a
 * trigger was missing, the aggregates it keeps are counted again from the spans in the same
 * transaction. `during` (SQLite only) runs in that transaction first, or in one of its own
 * when nothing is missing. Returns the names created. PostgreSQL: creates the recorded indexes,
 * enables the disabled aggregate triggers and counts the aggregates again, in one transaction
 * (bulk-load.postgres.ts).
 */
export async function restoreDerived(db: Db, during?: During): Promise<string[]> {
  if (!db.sqlite) return restorePostgres(db, TRIGGER_TABLES);
  const live = derivedOf(db);
  const missing = [...(await canonicalDerived())].filter(([name]) => !live.has(name));
  if (missing.length === 0) {
    if (during) await exclusive(db, () => during(db.sqlite!));
    return [];
  }
  const triggers = missing.some(([, d]) => d.type === 'trigger');
  const threads = db.sqlite.pragma('threads', { simple: true }) as number;
  db.sqlite.pragma(`threads = ${SORT_THREADS}`);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      // This transaction holds the write lock: a thread counts the population meanwhile, from
      // the same data as ours (indexes change none), while the indexes are built here.
      const counting = triggers && wantsCountThread(db.sqlite!) ? countPopulationOnThread(db.sqlite!.name) : undefined;
      during?.(db.sqlite!);
      // Triggers last: the recount below must not run them.
      for (const [, d] of missing.filter(([, x]) => x.type === 'index')) await sql.raw(d.sql).execute(trx);
      if (triggers) await rebuildPopulationAggregates(trx, db.sqlite, await counting);
      for (const [, d] of missing.filter(([, x]) => x.type === 'trigger')) await sql.raw(d.sql).execute(trx);
    });
  } finally {
    db.sqlite.pragma(`threads = ${threads}`);
  }
  return missing.map(([name]) => name);
}
