// The one-pass recount of the population aggregates on PostgreSQL (the end of a bulk load:
// spans read by COPY TO, rows written by COPY) gives the same rows as the migration's SQL, zero
// sums included, on a population with moves, migrants, residence changes, deaths on the day of
// birth and a seeded city; and declines, writing nothing, for a sex it does not know.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { inClientTransaction } from '../../src/platform/db/pg-client-transaction.ts';
import { backfill } from '../../src/platform/db/migrations/004-statistics.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { seedPopulation } from '../../src/registry/seed/seed.service.ts';
import { recountPopulationPostgres } from '../../src/stats/population-recount.postgres.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { buildPopulation } from './fixture.ts';

describe.each(DIALECTS.filter((d) => d === 'postgres'))('recountPopulationPostgres on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    await buildPopulation(t.ctx);
    await seedPopulation(t.ctx, systemActor(''), { region: '5107', persons: 3000, seed: 11 });
  }, 120_000);
  afterAll(async () => t.dispose());

  const rows = async (db: Kysely<Database>) => (await sql<Record<string, unknown>>`
    select 'd' as t, basis, date, area_code, sex, delta as n from stats_population_deltas
    union all select 't', basis, '', area_code, sex, total from stats_population_totals
    order by 1, 2, 3, 4, 5`.execute(db)).rows;

  /** What `fn` leaves in the aggregates, inside a transaction that is rolled back. */
  async function leftBy(fn: (client: Parameters<typeof recountPopulationPostgres>[0], trx: Kysely<Database>) => Promise<unknown>) {
    let out: { result: unknown; rows: Record<string, unknown>[] } | undefined;
    const rollback = new Error('rollback');
    await inClientTransaction(t.ctx.db.pgPool!, async (client, trx) => {
      out = { result: await fn(client, trx), rows: await rows(trx) };
      throw rollback;
    }).catch((e: unknown) => { if (e !== rollback) throw e; });
    return out!;
  }

  it('writes the same rows as the SQL, zero sums included', async () => {
    const bySql = await leftBy(async (_c, trx) => {
      await sql`delete from stats_population_deltas`.execute(trx);
      await sql`delete from stats_population_totals`.execute(trx);
      await backfill(trx);
    });
    const counted = await leftBy((client) => recountPopulationPostgres(client));
    expect(counted.result).toBe(true);
    expect(bySql.rows.length).toBeGreaterThan(1000);
    expect(bySql.rows.some((r) => r.basis === 'migrant')).toBe(true);
    expect(bySql.rows.some((r) => r.t === 'd' && Number(r.n) < 0)).toBe(true);
    expect(counted.rows).toEqual(bySql.rows);
  });

  it('declines, writing nothing, for a sex it does not know', async () => {
    const left = await leftBy(async (client, trx) => {
      await sql`alter table persons drop constraint if exists persons_sex_check`.execute(trx);
      await sql`update persons set sex = 'X' where id = (select min(id) from persons)`.execute(trx);
      const untouched = await rows(trx); // as the triggers left them
      return { declined: !(await recountPopulationPostgres(client)), untouched };
    });
    const { declined, untouched } = left.result as { declined: boolean; untouched: unknown[] };
    expect(declined).toBe(true);
    expect(left.rows).toEqual(untouched);
  });
});
