// The population aggregates (kept in step with person_spans by triggers) against a full recount
// from the spans, after seeding (bulk writes), backdated corrections, removals, a change of sex
// and the removal of the synthetic population, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { addEvent, deleteEvent, registerBirth, updateEvent } from '../../src/registry/events/events.service.ts';
import { getPersonQuiet, updatePerson } from '../../src/registry/persons/persons.service.ts';
import { populationAt } from '../../src/registry/population/population.service.ts';
import { deleteSyntheticPopulation } from '../../src/registry/seed/demo.repository.ts';
import { seedPopulation } from '../../src/registry/seed/seed.service.ts';
import { birthsBreakdown, statsTable, type Basis } from '../../src/stats/stats.service.ts';
import { sql } from 'kysely';
import { rebuildPopulationAggregates } from '../../src/stats/aggregates.service.ts';
import type { Executor } from '../../src/platform/db/executor.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS } from '../support/factories.ts';
import { A, C, buildPopulation } from './fixture.ts';

const PERIODS = ['2023', '2023S1', '2023Q3', '202307', '2023FP', '2010', '2020-02-29..2023-07-01', '2026'];
const AREAS_CHECKED = ['5107', AREAS.fucheng, AREAS.chengxiang, A, '510704', C];

describe.each(DIALECTS)('aggregates equal a recount on %s', (dialect) => {
  let t: TestDb;
  let people: Awaited<ReturnType<typeof buildPopulation>>;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    people = await buildPopulation(t.ctx);
    await seedPopulation(t.ctx, systemActor(''), { region: '5107', persons: 1500, seed: 5 });
  }, 120_000);
  afterAll(async () => t.dispose());

  /** Every non-zero row of the births-and-deaths aggregate (migration 006). */
  const vitalCounts = async (db: Executor) => (await sql<{ k: string; n: number }>`
    select basis || ' ' || date || ' ' || area_code || ' ' || kind || ' ' || sex || ' ' || parity as k, n
    from stats_vital_counts where n <> 0 order by 1`.execute(db)).rows.map((r) => `${r.k} ${Number(r.n)}`);
  /** The aggregate as a fresh count from the registry gives it (rolled back afterwards). */
  async function expectVitalEqualsRecount(label: string) {
    const kept = await vitalCounts(t.ctx.db.kysely);
    let fresh: string[] = [];
    const rollback = new Error('rollback');
    await t.ctx.db.kysely.transaction().execute(async (trx) => {
      await rebuildPopulationAggregates(trx);
      fresh = await vitalCounts(trx);
      throw rollback;
    }).catch((e: unknown) => { if (e !== rollback) throw e; });
    expect(kept.length, label).toBeGreaterThan(0);
    expect(kept, label).toEqual(fresh);
  }

  async function expectSame(label: string) {
    await expectVitalEqualsRecount(label);
    for (const area of AREAS_CHECKED) {
      for (const period of PERIODS) {
        for (const basis of ['hukou', 'resident'] as Basis[]) {
          const q = { area, period, basis, indicators: ['population_end', 'mean_population', 'births', 'deaths', 'birth_rate', 'natural_growth_rate', 'migrant_registration_rate'] };
          const fast = await statsTable(t.ctx, admin(), q);
          const slow = await statsTable(t.ctx, admin(), { ...q, source: 'spans' });
          expect(fast.rows, `${label}: ${area} ${period} ${basis}`).toEqual(slow.rows);
        }
      }
    }
  }

  it('after seeding a synthetic population in bulk', async () => {
    const city = await statsTable(t.ctx, admin(), { area: '5107', period: '2025' });
    expect(city.rows[0].values.population_end.value).toBeGreaterThan(1000);
    // and the registry's own count of the population at an instant agrees
    const reg = await populationAt(t.ctx, admin(), '5107', '2025-12-31', 'residence');
    const res = await statsTable(t.ctx, admin(), { area: '5107', period: '2025', basis: 'resident' });
    expect(res.rows[0].values.population_end.value).toBe(reg.total);
    await expectSame('seeded');
  }, 120_000);

  it('after backdated corrections, removals and a change of sex', async () => {
    const a = admin();
    // The elder's death moved back a year, then the mover's move moved back to 2020.
    const elder = await getPersonQuiet(t.ctx, a, people.e1.id);
    const death = elder.events.find((e) => e.kind === 'death')!;
    await updateEvent(t.ctx, a, death.id, { version: death.version, date: '2022-01-01' });
    const mover = await getPersonQuiet(t.ctx, a, people.p1.id);
    const move = mover.events.find((e) => e.kind === 'move_in')!;
    await updateEvent(t.ctx, a, move.id, { version: move.version, date: '2020-03-01' });
    // The move-out removed: p3 is back in A.
    const leaver = await getPersonQuiet(t.ctx, a, people.p3.id);
    const out = leaver.events.find((e) => e.kind === 'move_out')!;
    await deleteEvent(t.ctx, a, out.id, out.version);
    // A birth registered late, in 2023, and a residence change backdated into 2020.
    await registerBirth(t.ctx, a, { name: '补录', sex: 'F', date: '2023-02-02', areaCode: C, motherId: people.m4.id });
    await addEvent(t.ctx, a, people.m1.id, { kind: 'residence_change', date: '2020-06-01', areaCode: C });
    // p2's sex corrected (no ID number to disagree with).
    const p2 = await getPersonQuiet(t.ctx, a, people.p2.id);
    await updatePerson(t.ctx, a, p2.id, { version: p2.version, sex: 'F' });
    // Births and deaths: a newborn of the last day of 2023 who dies that day (counted twice as
    // recorded: a birth and a death in C); the newborn who died in March corrected to a boy; the
    // first child of m3 (2010) moved to the last day of 2009; a 2015 birth removed.
    const { person: late } = await registerBirth(t.ctx, a, { name: '末日', sex: 'M', date: '2023-12-31', areaCode: C, motherId: people.m4.id });
    await addEvent(t.ctx, a, late.id, { kind: 'death', date: '2023-12-31', areaCode: C });
    const b4 = await getPersonQuiet(t.ctx, a, people.b4.id);
    await updatePerson(t.ctx, a, b4.id, { version: b4.version, sex: 'M' });
    const birthOn = (date: string) => t.ctx.db.kysely.selectFrom('population_events').selectAll().where('kind', '=', 'birth').where('date', '=', date).executeTakeFirstOrThrow();
    const first = await birthOn('2010-05-01');
    await updateEvent(t.ctx, a, first.id, { version: first.version, date: '2010-12-31' });
    const second = await birthOn('2015-08-01');
    await deleteEvent(t.ctx, a, second.id, second.version);
    const v = (await statsTable(t.ctx, a, { area: A, period: '2023' })).rows[0].values;
    expect(v.deaths.value).toBe(0); // the death is now in 2022
    const c = (await statsTable(t.ctx, a, { area: C, period: '2023' })).rows[0].values;
    // born in C in 2023: the March newborn (now a boy), the late girl, the last-day boy; two of them died
    expect([c.births.value, c.deaths.value]).toEqual([3, 2]);
    expect((await birthsBreakdown(t.ctx, a, { area: C, period: '2023' })).bySex).toEqual({ M: 2, F: 1 });
    const y2010 = (await statsTable(t.ctx, a, { area: A, period: '2010S2' })).rows[0].values;
    expect(y2010.births.value).toBe(1); // moved into the second half-year
    await expectSame('corrected');
  }, 120_000);

  it('after the synthetic population is removed', async () => {
    await deleteSyntheticPopulation(t.ctx.db.kysely);
    await expectSame('removed');
    const city = await statsTable(t.ctx, admin(), { area: '5107', period: '2023' });
    expect(city.rows[0].values.population_end.value).toBe(13); // the hand-built population only: 11, p3 back, the late birth
  }, 120_000);
});
