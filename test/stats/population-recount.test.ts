// The one-pass recount of the population aggregates (SQLite, used after bulk loads) gives the
// same rows as the migration's SQL, zero sums included: on a population with moves, migrants,
// residence changes, deaths on the day of birth and a seeded city; counted on a thread of its
// own too, as the end of a bulk load does.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { backfill } from '../../src/platform/db/migrations/004-statistics.ts';
import { backfillVital } from '../../src/platform/db/migrations/006-vital-aggregates.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { seedPopulation } from '../../src/registry/seed/seed.service.ts';
import { restoreDerived, suspendDerived } from '../../src/registry/imports/bulk-load.ts';
import { CountThread, countPopulationOnThread, countThreadSettings } from '../../src/stats/population-count-thread.ts';
import { countPopulation, recountPopulation } from '../../src/stats/population-recount.ts';
import { createTestContext, type TestDb } from '../support/dialects.ts';
import { buildPopulation } from './fixture.ts';

describe('recountPopulation on sqlite', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestContext('sqlite');
    await buildPopulation(t.ctx);
    await seedPopulation(t.ctx, systemActor(''), { region: '5107', persons: 3000, seed: 11 });
  }, 120_000);
  afterAll(async () => t.dispose());

  const rows = (): unknown[][] => t.ctx.db.sqlite!.prepare(`
    select 'd' as t, basis, date, area_code, sex, delta as n from stats_population_deltas
    union all select 't', basis, '', area_code, sex, total from stats_population_totals
    order by 1, 2, 3, 4, 5`).raw(true).all() as unknown[][];

  const vitalRows = (): unknown[][] => t.ctx.db.sqlite!.prepare('select * from stats_vital_counts order by 1, 2, 3, 4, 5, 6').raw(true).all() as unknown[][];

  /** Runs `fn` in a transaction that is rolled back; returns what `fn` returned. */
  async function rolledBack<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    let out: T | undefined;
    const rollback = new Error('rollback');
    await t.ctx.db.kysely.transaction().execute(async (trx) => {
      out = await fn(trx);
      throw rollback;
    }).catch((e: unknown) => { if (e !== rollback) throw e; });
    return out as T;
  }
  /** The aggregates as the migration's SQL counts them, inside `trx`. */
  async function countBySql(trx: Transaction<Database>): Promise<unknown[][]> {
    await sql`delete from stats_population_deltas`.execute(trx);
    await sql`delete from stats_population_totals`.execute(trx);
    await backfill(trx);
    return rows();
  }

  it('equals the SQL count, row for row and in the same order of keys', async () => {
    const [bySql, byPass] = await rolledBack(async (trx) => {
      const counted = await countBySql(trx);
      // Start from aggregates that are wrong, to see they are replaced and not added to.
      await sql`update stats_population_totals set total = total + 7`.execute(trx);
      recountPopulation(t.ctx.db.sqlite!);
      return [counted, rows()];
    });
    expect(bySql.length).toBeGreaterThan(3000);
    expect(bySql.some((r) => r[0] === 'd' && r[1] === 'migrant')).toBe(true);
    expect(bySql.some((r) => r[0] === 'd' && r[5] === 0)).toBe(true); // born and died the same day
    expect(byPass).toEqual(bySql);
  }, 60_000);

  it('leaves a sex other than M or F to the SQL count, having written nothing', async () => {
    await rolledBack(async (trx) => {
      await sql`update persons set sex = 'X' where id = (select min(id) from persons)`.execute(trx);
      const before = rows(); // the trigger has moved that person's spans to 'X'
      expect(before.some((r) => r[4] === 'X')).toBe(true);
      expect(recountPopulation(t.ctx.db.sqlite!)).toBe(false);
      expect(rows()).toEqual(before);
    });
  });

  const defaults = { ...countThreadSettings };
  afterEach(() => { Object.assign(countThreadSettings, defaults); });

  it('counts the same on a thread of its own, over a connection of its own', async () => {
    const started = CountThread.started;
    const onThread = await countPopulationOnThread(t.ctx.db.sqlite!.name);
    expect(CountThread.started).toBe(started + 1);
    expect(onThread?.population?.deltas[0]).toBeInstanceOf(Int32Array);
    expect(onThread!.population).toEqual(countPopulation(t.ctx.db.sqlite!));
    expect(JSON.parse(onThread!.vital)).toEqual(vitalRows());
    expect(await countPopulationOnThread('/nonexistent/renkou.db')).toBeUndefined(); // the caller counts itself
  }, 60_000);

  it('the end of a bulk load counts on a thread while it builds the indexes, and writes the same aggregates', async () => {
    const sqlite = t.ctx.db.sqlite!;
    const bySql = await rolledBack(countBySql);
    const vitalBySql = await rolledBack(async (trx) => {
      await sql`delete from stats_vital_counts`.execute(trx);
      await backfillVital(trx);
      return vitalRows();
    });
    expect(vitalBySql.some((r) => r[3] === 'birth')).toBe(true);
    expect(vitalBySql.some((r) => r[3] === 'death')).toBe(true);
    countThreadSettings.minSpans = 0;
    await suspendDerived(t.ctx.db);
    // Wrong aggregates, as triggers left behind would make them: the restore replaces them.
    sqlite.exec("update stats_population_totals set total = total + 7; insert into stats_population_deltas values ('hukou', '2001-01-01', '510703', 'M', 3)");
    sqlite.exec("update stats_vital_counts set n = n + 5 where date = (select max(date) from stats_vital_counts)");
    sqlite.exec("insert into stats_vital_counts values ('hukou', '2001-01-01', '510703', 'birth', 'M', 1, 4)");
    const started = CountThread.started;
    expect((await restoreDerived(t.ctx.db)).length).toBeGreaterThan(5);
    expect(CountThread.started).toBe(started + 1);
    expect(rows()).toEqual(bySql);
    expect(vitalRows()).toEqual(vitalBySql);
  }, 60_000);
});
