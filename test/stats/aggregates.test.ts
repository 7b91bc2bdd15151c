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
import { statsTable, type Basis } from '../../src/stats/stats.service.ts';
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

  async function expectSame(label: string) {
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
    const v = (await statsTable(t.ctx, a, { area: A, period: '2023' })).rows[0].values;
    expect(v.deaths.value).toBe(0); // the death is now in 2022
    await expectSame('corrected');
  }, 120_000);

  it('after the synthetic population is removed', async () => {
    await deleteSyntheticPopulation(t.ctx.db.kysely);
    await expectSame('removed');
    const city = await statsTable(t.ctx, admin(), { area: '5107', period: '2023' });
    expect(city.rows[0].values.population_end.value).toBe(13); // the hand-built population only: 11, p3 back, the late birth
  }, 120_000);
});
