// The population aggregates (migration 004) and the births and deaths (006) are kept in step with the registry by triggers.
// Bulk loads into a (nearly) empty registry drop those triggers while they write and call this
// afterwards, in the transaction that creates the triggers again: one set-based count instead
// of an update per span (src/registry/imports/bulk-load.ts).
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../platform/db/executor.ts';
import { backfill } from '../platform/db/migrations/004-statistics.ts';
import { backfillVital } from '../platform/db/migrations/006-vital-aggregates.ts';
import { recountPopulation, writePopulationCounts, type PopulationCounts } from './population-recount.ts';

/**
 * Counts the aggregates again from the registry, inside the caller's transaction. With `sqlite`
 * (the connection that holds that transaction) the population is counted in one pass here
 * (population-recount.ts), or taken from `counted` when a thread counted it already over the
 * same snapshot (population-count-thread.ts); without (or for a sex it does not know: `counted`
 * null), by the migration's SQL, which the tests use as reference.
 */
export async function rebuildPopulationAggregates(db: Executor, sqlite?: Database.Database, counted?: PopulationCounts | null): Promise<void> {
  let done = false;
  if (sqlite && counted) {
    writePopulationCounts(sqlite, counted);
    done = true;
  } else if (sqlite && counted === undefined) {
    done = recountPopulation(sqlite);
  }
  if (!done) {
    await sql`delete from stats_population_deltas`.execute(db);
    await sql`delete from stats_population_totals`.execute(db);
    await backfill(db as unknown as Kysely<any>);
  }
  await sql`delete from stats_vital_counts`.execute(db);
  await backfillVital(db as unknown as Kysely<any>);
}
