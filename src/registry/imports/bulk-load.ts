// Large persons imports into a (nearly) empty registry on SQLite: the search indexes of
// persons and person_spans are dropped while the rows go in and built again at the end.
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
import type { Db } from '../../platform/db/database.ts';
import { openDb } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';

const TABLES = ['persons', 'person_spans'];

/**
 * An import of at least this many rows (one full transaction), into a table at most as large,
 * drops the indexes: building them for the whole table afterwards then costs less than keeping
 * them (200,000 rows into an empty table: 8 s instead of 10 s; 1,000,000: 48 s instead of 87 s).
 */
export const BULK_MIN_ROWS = 50_000;

export function wantsBulkLoad(db: Db, expectedRows: number, existingPersons: number): boolean {
  return !!db.sqlite && expectedRows >= BULK_MIN_ROWS && expectedRows >= existingPersons;
}

let canonical: Promise<Map<string, string>> | null = null;

/** Name → CREATE INDEX statement of the droppable indexes, as the migrations create them. */
function canonicalIndexes(): Promise<Map<string, string>> {
  canonical ??= (async () => {
    const mem = openDb(':memory:');
    try {
      await migrateToLatest(mem);
      return indexesOf(mem);
    } finally {
      await mem.close();
    }
  })();
  return canonical;
}

function indexesOf(db: Db): Map<string, string> {
  const rows = db.sqlite!.prepare(
    `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TABLES.map(() => '?').join(', ')})`,
  ).all(...TABLES) as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

/** Runs `fn` on the raw connection while holding Kysely's, in one transaction. */
async function exclusive(db: Db, fn: () => void): Promise<void> {
  const sqlite = db.sqlite!;
  await db.kysely.connection().execute(async () => sqlite.transaction(fn)());
}

/** Drops the search indexes of persons and person_spans that the migrations create (SQLite only). */
export async function suspendIndexes(db: Db): Promise<void> {
  if (!db.sqlite) return;
  const ours = await canonicalIndexes(); // an index added by hand is left alone
  const names = [...indexesOf(db).keys()].filter((name) => ours.has(name));
  await exclusive(db, () => { for (const name of names) db.sqlite!.exec(`drop index "${name}"`); });
}

/** Creates whichever of those indexes are missing, in one transaction. Returns their names. */
export async function restoreIndexes(db: Db): Promise<string[]> {
  if (!db.sqlite) return [];
  const live = indexesOf(db);
  const missing = [...(await canonicalIndexes())].filter(([name]) => !live.has(name));
  if (missing.length > 0) await exclusive(db, () => { for (const [, sql] of missing) db.sqlite!.exec(sql); });
  return missing.map(([name]) => name);
}
