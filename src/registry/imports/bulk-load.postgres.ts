// Large persons imports and seeding into a (nearly) empty registry on PostgreSQL: the search
// indexes of persons and person_spans are dropped and the triggers that keep the statistics
// aggregates (migrations 004 and 006, statement-level, named stats_*) disabled while the rows go
// in; at the end the indexes are created again and the triggers enabled with the aggregates
// counted afresh (the population in one pass, population-recount.postgres.ts), in one transaction. 100,000 persons: 27.6 s with the triggers, 17.0 s without;
// kept up row by row, the nine search indexes made the COPY of persons and spans about 2.5 times
// as slow as building them once.
//
// Nothing is lost to a kill. A disabled trigger is a state of the catalogue; a dropped index has
// its definition recorded in bulk_dropped_indexes (migration 010) in the transaction that drops
// it. The next start or import finds either and restores it. Primary keys and UNIQUE
// constraints are never dropped. Enabling and creating take locks that hold off other writers
// until the count is committed, so the count sees every row.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inClientTransaction } from '../../platform/db/pg-client-transaction.ts';
import { rebuildPopulationAggregates, rebuildVitalAggregates } from '../../stats/aggregates.service.ts';
import { recountPopulationPostgres } from '../../stats/population-recount.postgres.ts';

interface AggregateTrigger { table: string; name: string; enabled: boolean }

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Memory for each index build of the restore (PostgreSQL's default, 64 MB, sorts 1M rows on disk). */
const BUILD_MEMORY = '256MB';

/** The aggregate triggers on these tables (of the schema in the search path). */
async function aggregateTriggers(db: Db, tables: string[]): Promise<AggregateTrigger[]> {
  const r = await sql<{ table: string; name: string; enabled: string }>`
    select c.relname as "table", t.tgname as name, t.tgenabled as enabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and t.tgname like 'stats\\_%'
      and c.oid in (${sql.join(tables.map((name) => sql`to_regclass(${name})`))})
    order by c.relname, t.tgname`.execute(db.kysely);
  return r.rows.map((x) => ({ table: x.table, name: x.name, enabled: x.enabled !== 'D' }));
}

/** Indexes `names` of these tables, in the schema of the search path, with their definitions (never a primary key or UNIQUE one). */
async function searchIndexes(db: Db, tables: string[], names: Set<string>): Promise<{ name: string; table: string; definition: string }[]> {
  const r = await sql<{ name: string; table: string; definition: string; constrained: boolean }>`
    select i.indexname as name, i.tablename as "table", i.indexdef as definition, (x.indisprimary or x.indisunique) as constrained
    from pg_indexes i join pg_class c on c.relname = i.indexname and c.relnamespace = to_regnamespace(i.schemaname)
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename in (${sql.join(tables)})
    order by i.indexname`.execute(db.kysely);
  return r.rows.filter((x) => !x.constrained && names.has(x.name));
}

/**
 * Disables the aggregate triggers of `triggerTables` and drops the indexes `indexNames` of
 * `indexTables`, recording their definitions, in one transaction.
 */
export async function suspendPostgres(db: Db, triggerTables: string[], indexTables: string[], indexNames: Set<string>): Promise<void> {
  const on = (await aggregateTriggers(db, triggerTables)).filter((t) => t.enabled);
  const indexes = await searchIndexes(db, indexTables, indexNames);
  if (on.length === 0 && indexes.length === 0) return;
  await db.kysely.transaction().execute(async (trx) => {
    for (const t of on) await sql.raw(`alter table ${quote(t.table)} disable trigger ${quote(t.name)}`).execute(trx);
    for (const i of indexes) {
      await trx.insertInto('bulk_dropped_indexes').values({ name: i.name, table_name: i.table, definition: i.definition }).execute();
      await sql.raw(`drop index ${quote(i.name)}`).execute(trx);
    }
  });
}

/**
 * Creates the indexes recorded as dropped, enables the disabled aggregate triggers of these
 * tables and counts the aggregates again, in one transaction. Returns the names restored.
 */
export async function restorePostgres(db: Db, triggerTables: string[]): Promise<string[]> {
  const off = (await aggregateTriggers(db, triggerTables)).filter((t) => !t.enabled);
  const dropped = await db.kysely.selectFrom('bulk_dropped_indexes').selectAll().orderBy('name').execute();
  if (off.length === 0 && dropped.length === 0) return [];
  await inClientTransaction(db.pgPool!, async (client, trx) => {
    await sql.raw(`set local maintenance_work_mem = '${BUILD_MEMORY}'`).execute(trx);
    for (const i of dropped) {
      const exists = await sql<{ oid: unknown }>`select to_regclass(${i.name}) as oid`.execute(trx);
      if (exists.rows[0]?.oid === null) await sql.raw(i.definition).execute(trx); // one created by hand meanwhile stays
      await trx.deleteFrom('bulk_dropped_indexes').where('name', '=', i.name).execute();
    }
    for (const t of off) await sql.raw(`alter table ${quote(t.table)} enable trigger ${quote(t.name)}`).execute(trx);
    // The population counted in one pass here (the SQL only when it declines), births and deaths by SQL.
    if (off.length > 0 && (await recountPopulationPostgres(client))) await rebuildVitalAggregates(trx);
    else if (off.length > 0) await rebuildPopulationAggregates(trx);
  });
  return [...dropped.map((i) => i.name), ...off.map((t) => t.name)];
}
