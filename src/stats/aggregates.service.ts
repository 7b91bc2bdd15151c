// The population aggregates (migration 004) and the births and deaths (006) are kept in step with the registry by triggers.
// Bulk loads into a (nearly) empty registry drop those triggers while they write and call this
// afterwards, in the transaction that creates the triggers again: one set-based count instead
// of an update per span (src/registry/imports/bulk-load.ts).
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../platform/db/executor.ts';
import { cachedStatement } from '../platform/db/statement-cache.ts';
import { backfill } from '../platform/db/migrations/004-statistics.ts';
import { backfillVital } from '../platform/db/migrations/006-vital-aggregates.ts';
import type { Recount } from './population-count-thread.ts';
import { recountPopulation, writePopulationCounts } from './population-recount.ts';

/**
 * Counts the aggregates again from the registry, inside the caller's transaction. With `sqlite`
 * (the connection that holds that transaction) the population is counted in one pass here
 * (population-recount.ts), or taken from `counted` when a thread counted it already over the
 * same snapshot (population-count-thread.ts), births and deaths too; without (or for a sex it
 * does not know: `counted.population` null), by the migrations' SQL, which the tests use as
 * reference.
 */
export async function rebuildPopulationAggregates(db: Executor, sqlite?: Database.Database, counted?: Recount): Promise<void> {
  let done = false;
  if (sqlite && counted?.population) {
    writePopulationCounts(sqlite, counted.population);
    done = true;
  } else if (sqlite && !counted) {
    done = recountPopulation(sqlite);
  }
  if (!done) {
    await sql`delete from stats_population_deltas`.execute(db);
    await sql`delete from stats_population_totals`.execute(db);
    await backfill(db as unknown as Kysely<any>);
  }
  if (sqlite && counted) {
    await sql`delete from stats_vital_counts`.execute(db);
    writeVitalRows(sqlite, counted.vital);
  } else await rebuildVitalAggregates(db);
}

/** Counts the births and deaths (migration 006) again by SQL, inside the caller's transaction. */
export async function rebuildVitalAggregates(db: Executor): Promise<void> {
  await sql`delete from stats_vital_counts`.execute(db);
  await backfillVital(db as unknown as Kysely<any>);
}

const insertVitalSql = `insert into stats_vital_counts (basis, date, area_code, kind, sex, parity, n)
  select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 from json_each(?)`;

/** Inserts the rows of stats_vital_counts given as one JSON array text (in key order: the inserts append). */
function writeVitalRows(sqlite: Database.Database, rows: string): void {
  cachedStatement(sqlite, insertVitalSql).run(rows);
}
