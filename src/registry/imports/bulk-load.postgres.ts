// Large persons imports and seeding into a (nearly) empty registry on PostgreSQL: the triggers
// that keep the statistics aggregates (migrations 004 and 006, statement-level, named stats_*)
// are disabled while the rows go in, and at the end enabled again with the aggregates counted
// afresh, in one transaction (100,000 persons: 27.6 s with them, 17.0 s without). The search
// indexes stay: PostgreSQL keeps them at a modest cost.
//
// A disabled trigger is a state of the catalogue, not a definition that could be lost: after a
// kill, the next start or import finds the triggers disabled and enables them (restore).
// Enabling takes a lock on each table that holds off other writers until the count is
// committed, so the count sees every row.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { rebuildPopulationAggregates } from '../../stats/aggregates.service.ts';

interface AggregateTrigger { table: string; name: string; enabled: boolean }

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

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

/** Disables the aggregate triggers of these tables, in one transaction. */
export async function disableAggregateTriggers(db: Db, tables: string[]): Promise<void> {
  const on = (await aggregateTriggers(db, tables)).filter((t) => t.enabled);
  if (on.length === 0) return;
  await db.kysely.transaction().execute(async (trx) => {
    for (const t of on) await sql.raw(`alter table ${quote(t.table)} disable trigger ${quote(t.name)}`).execute(trx);
  });
}

/**
 * Enables the disabled aggregate triggers of these tables and counts the aggregates again, in
 * one transaction. Returns the names enabled.
 */
export async function enableAggregateTriggers(db: Db, tables: string[]): Promise<string[]> {
  const off = (await aggregateTriggers(db, tables)).filter((t) => !t.enabled);
  if (off.length === 0) return [];
  await db.kysely.transaction().execute(async (trx) => {
    for (const t of off) await sql.raw(`alter table ${quote(t.table)} enable trigger ${quote(t.name)}`).execute(trx);
    await rebuildPopulationAggregates(trx);
  });
  return off.map((t) => t.name);
}
