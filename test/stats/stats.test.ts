// Every indicator and boundary of the statistics on a hand-built population, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsTable, birthsBreakdown, pyramid, drillThrough } from '../../src/stats/stats.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS } from '../support/factories.ts';
import { A, B, C, buildPopulation } from './fixture.ts';

describe.each(DIALECTS)('statistics on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    await buildPopulation(t.ctx);
  });
  afterAll(async () => t.dispose());

  const table = (area: string, period: string, o: { basis?: 'hukou' | 'resident'; annualise?: boolean; indicators?: string[] } = {}) =>
    statsTable(t.ctx, admin(), { area, period, ...o });
  const row = async (area: string, period: string, o = {}) => (await table(area, period, o)).rows;

  it('counts the population at 00:00 of the first day and 24:00 of the last, births and deaths of the year', async () => {
    const rows = await row(AREAS.chengxiang, '2023');
    const [town, ...villages] = rows;
    expect(town.area).toBe(AREAS.chengxiang);
    const a = villages.find((r) => r.area === A)!.values;
    const b = villages.find((r) => r.area === B)!.values;
    // A: start m1 e1 m3 two children p2 p3 = 7; end: e1 died, p3 left, two born = 7.
    expect(a.mean_population).toMatchObject({ value: 7, numerator: 7 });
    expect(a.births.value).toBe(2); // the first day counts
    expect(a.deaths.value).toBe(1); // the elder who died on 1 January
    // B: start m2 p1 (the elder died on 31 Dec 2022) = 2; end m2 + the girl born on 31 Dec = 2.
    expect(b.population_end.value).toBe(2);
    expect(b.births.value).toBe(1); // the last day counts
    expect(town.values.births).toMatchObject({ value: 3, numerator: 3, denominator: null });
    expect(town.values.birth_rate).toMatchObject({ value: 333.33, numerator: 3, denominator: 9 });
    expect(town.values.sex_ratio_at_birth).toMatchObject({ value: 200, numerator: 2, denominator: 1, normalRange: [103, 107] });
    expect(town.values.multi_child_rate).toMatchObject({ value: 33.33, numerator: 1, denominator: 3 });
  });

  it('gives every indicator of the city with the newborn who died counted as a birth and a death', async () => {
    const t2023 = await table(AREAS.city, '2023');
    expect(t2023.annualised).toBe(false);
    expect(t2023.basis).toBe('hukou');
    const [city, ...districts] = t2023.rows;
    expect(city.area).toBe('5107');
    expect(districts.map((d) => d.area)).toContain('510703');
    const v = city.values;
    expect(v.population_end.value).toBe(11);
    expect(v.mean_population.value).toBe(10.5);
    expect(v.births.value).toBe(4);
    expect(v.deaths.value).toBe(2);
    expect(v.birth_rate.value).toBe(380.95);
    expect(v.death_rate.value).toBe(190.48);
    expect(v.natural_growth_rate).toMatchObject({ value: 190.48, numerator: 2, denominator: 10.5 });
    expect(v.sex_ratio_at_birth.value).toBe(100);
    expect(v.multi_child_rate.value).toBe(25);
    expect(v.policy_compliance_rate).toMatchObject({ value: null, reason: 'not_applicable' });
    // the city's migrants at the end: p2 (hukou A, lives in C) and p1 (hukou moved to C, still
    // living in B); none registered; no target couples yet
    expect(v.migrant_registration_rate).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
    expect(v.preconception_check_coverage).toMatchObject({ value: null, numerator: 0, denominator: 0, reason: 'zero_denominator' });
    for (const code of ['birth_registration_rate', 'disbursement_rate', 'data_accuracy_rate', 'case_completion_rate', 'satisfaction_rate']) {
      expect(v[code]).toMatchObject({ value: null, reason: 'no_data' });
    }
    const youxian = districts.find((d) => d.area === '510704')!.values;
    expect(youxian.births.value).toBe(1);
    expect(youxian.deaths.value).toBe(1);
    expect(youxian.population_end.value).toBe(2); // m4 and the mover; the newborn died
    expect(youxian.sex_ratio_at_birth).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    const a = (await row(A, '2023'))[0].values; // two boys, no girl
    expect(a.sex_ratio_at_birth).toMatchObject({ value: null, numerator: 2, denominator: 0, reason: 'zero_denominator' });
  });

  it('moves a person between areas on the day of the move', async () => {
    const [, ...villages] = await row(AREAS.chengxiang, '2023S2');
    const b = villages.find((r) => r.area === B)!.values;
    expect(b.mean_population).toMatchObject({ numerator: 2 }); // (2 + 2) / 2: p1 out on 1 July, girl in on 31 Dec
    const [, ...h1] = await row(AREAS.chengxiang, '2023S1');
    expect(h1.find((r) => r.area === B)!.values.population_end.value).toBe(2); // p1 still in B at 24:00 of 30 June
    const c = (await row(`${AREAS.youxianTown}`, '2023Q3'))[0].values;
    expect(c.mean_population.value).toBe(1.5); // 1 at 00:00 of 1 July, 2 at 24:00 of 30 Sept
  });

  it('differs between the hukou and resident bases exactly as the spans say', async () => {
    const hukou = (await row(A, '2023'))[0].values;
    const resident = (await row(A, '2023', { basis: 'resident' }))[0].values;
    expect(hukou.population_end.value).toBe(7);
    expect(resident.population_end.value).toBe(6); // p2 lives in C from 1 May
    // p1's hukou moved to C, but her recorded residence stayed in B (no residence event).
    const cRes = (await row(C, '2023', { basis: 'resident' }))[0].values;
    expect(cRes.population_end.value).toBe(2); // m4, p2
    expect((await row(B, '2023', { basis: 'resident' }))[0].values.population_end.value).toBe(3); // m2, the girl, p1
    expect((await row(B, '2023'))[0].values.population_end.value).toBe(2);
    expect((await row(C, '2023'))[0].values.population_end.value).toBe(2);
  });

  it('annualises sub-annual rates only when asked, and says so', async () => {
    const plain = await table(AREAS.city, '2023S1');
    const v = plain.rows[0].values;
    expect(v.births.value).toBe(3);
    expect(v.mean_population.value).toBe(10.5); // 10 at the start, 11 at 24:00 of 30 June
    expect(v.birth_rate.value).toBe(285.71);
    const ann = await table(AREAS.city, '2023S1', { annualise: true });
    expect(ann.annualised).toBe(true);
    expect(ann.rows[0].values.birth_rate.value).toBe(576.16); // 285.714… × 365 / 181
    expect(ann.rows[0].values.births.value).toBe(3); // counts are never annualised
    const year = await table(AREAS.city, '2023', { annualise: true });
    expect(year.rows[0].values.birth_rate.value).toBe(380.95);
  });

  it('classifies historical births by the rule set in force', async () => {
    const y2015 = (await row(A, '2015', { indicators: ['policy_compliance_rate'] }))[0].values;
    expect(y2015.policy_compliance_rate).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    const range = (await row(A, '2010-01-01..2015-12-31'))[0].values;
    expect(range.policy_compliance_rate).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    const fp = await table(A, '2016FP');
    expect(fp.period).toMatchObject({ from: '2015-10-01', to: '2016-09-30', label: '2016计生年度' });
  });

  it('breaks births down by sex, parity and month, and builds the pyramid', async () => {
    const b = await birthsBreakdown(t.ctx, admin(), { area: AREAS.city, period: '2023' });
    expect(b.bySex).toEqual({ M: 2, F: 2 });
    expect(b.byParity).toEqual({ '1': 3, '2': 0, '3+': 1, unknown: 0 });
    expect(b.byMonth).toHaveLength(12);
    expect(b.byMonth[0]).toMatchObject({ month: '2023-01', births: 1, deaths: 1 });
    expect(b.byMonth[2]).toMatchObject({ month: '2023-03', births: 1, birthsFemale: 1, deaths: 1 });
    const p = await pyramid(t.ctx, admin(), { area: AREAS.city, date: '2023-12-31' });
    const total = p.bands.reduce((s, x) => s + x.male + x.female, 0);
    expect(total).toBe(11);
    expect(p.bands[0]).toMatchObject({ band: '0-4', male: 2, female: 1 }); // 元旦, 三孩, 除夕
    expect(p.bands[2]).toMatchObject({ band: '10-14', male: 1 }); // 长子 (13)
  });

  it('opens the records behind a count, masked, within the chosen area', async () => {
    const d = await drillThrough(t.ctx, admin(), { area: AREAS.fucheng, period: '2023', measure: 'births', page: 1, pageSize: 20 });
    expect(d.total).toBe(3);
    expect(d.items.map((i) => i.name)).toEqual(['元旦', '三孩', '除夕']);
    const parity3 = await drillThrough(t.ctx, admin(), { area: AREAS.city, period: '2023', measure: 'births_parity_3plus', page: 1, pageSize: 20 });
    expect(parity3.items.map((i) => i.name)).toEqual(['三孩']);
    expect(parity3.items[0].idNumber ?? '').not.toMatch(/^\d{17}[\dX]$/);
    const noncompliant = await drillThrough(t.ctx, admin(), { area: A, period: '2010-01-01..2015-12-31', measure: 'births_noncompliant', page: 1, pageSize: 20 });
    expect(noncompliant.items.map((i) => i.name)).toEqual(['次女']);
    const deaths = await drillThrough(t.ctx, admin(), { area: C, period: '2023', measure: 'deaths', page: 1, pageSize: 20 });
    expect(deaths.items.map((i) => i.name)).toEqual(['夭折']);
    const logged = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'stats.drill').execute();
    expect(logged.length).toBe(4);
  });

  it('opens the persons behind a population count, on either basis, at the start and at the end of the period', async () => {
    for (const basis of ['hukou', 'resident'] as const) {
      const table = await statsTable(t.ctx, admin(), { area: AREAS.city, period: '2023', basis, indicators: ['population_end', 'mean_population'] });
      const v = table.rows[0].values;
      const end = await drillThrough(t.ctx, admin(), { area: AREAS.city, period: '2023', basis, measure: 'population_end', page: 1, pageSize: 100 });
      expect(end.total).toBe(v.population_end.value);
      expect(end.items.length).toBe(end.total);
      expect(new Set(end.items.map((i) => i.personId)).size).toBe(end.total);
      expect(end.items.every((i) => i.kind === 'population' && !/^\d{17}[\dX]$/.test(i.idNumber ?? ''))).toBe(true);
      const start = await drillThrough(t.ctx, admin(), { area: AREAS.city, period: '2023', basis, measure: 'population_start', page: 1, pageSize: 100 });
      expect(start.total).toBe(2 * v.mean_population.value! - v.population_end.value!);
      expect(start.items.length).toBe(start.total);
      // Pages of 3 put together are the whole list.
      const pages = [];
      for (let page = 1; page <= Math.ceil(end.total / 3); page++) pages.push(...(await drillThrough(t.ctx, admin(), { area: AREAS.city, period: '2023', basis, measure: 'population_end', page, pageSize: 3 })).items);
      expect(pages.map((i) => i.personId)).toEqual(end.items.map((i) => i.personId));
    }
    // The newborns of 2023 are in the population at its end, not at its start.
    const end = await drillThrough(t.ctx, admin(), { area: AREAS.fucheng, period: '2023', measure: 'population_end', page: 1, pageSize: 100 });
    const start = await drillThrough(t.ctx, admin(), { area: AREAS.fucheng, period: '2023', measure: 'population_start', page: 1, pageSize: 100 });
    expect(end.items.map((i) => i.name)).toEqual(expect.arrayContaining(['元旦', '除夕']));
    expect(start.items.map((i) => i.name)).not.toContain('元旦');
  });

  it('opens the persons of one bar of the pyramid: the same count as the bar', async () => {
    const date = '2023-12-31';
    const p = await pyramid(t.ctx, admin(), { area: AREAS.city, date });
    let seen = 0;
    for (const [band, b] of p.bands.entries()) {
      for (const [sex, n] of [['M', b.male], ['F', b.female]] as const) {
        const d = await drillThrough(t.ctx, admin(), { area: AREAS.city, period: `${date}..${date}`, measure: 'population_end', page: 1, pageSize: 100, sex, band });
        expect(d.total, `${b.band} ${sex}`).toBe(n);
        expect(d.items.length).toBe(n);
        expect(d.items.every((i) => i.sex === sex)).toBe(true);
        seen += n;
      }
    }
    expect(seen).toBe(11);
    // The band's edges follow the birthday: born 2019-01-01 is 4 on 2023-12-31, born 2018-12-31 is 5.
    const youngest = await drillThrough(t.ctx, admin(), { area: AREAS.city, period: `${date}..${date}`, measure: 'population_end', page: 1, pageSize: 100, band: 0 });
    expect(youngest.items.every((i) => i.date > '2018-12-31' && i.date <= date)).toBe(true);
    await expect(drillThrough(t.ctx, admin(), { area: AREAS.city, period: '2023', measure: 'births', page: 1, pageSize: 10, band: 0 })).rejects.toMatchObject({ status: 400, fieldErrors: [{ field: 'band', code: 'field.invalid' }] });
  });

  it('pages the records in SQL: the pages together are the whole list, in date order, with the total of the count', async () => {
    const q = { area: AREAS.city, period: '2010-01-01..2023-12-31', page: 1, pageSize: 100 } as const;
    const all = await drillThrough(t.ctx, admin(), { ...q, measure: 'births' });
    expect(all.total).toBe(6);
    expect(all.items.map((i) => i.date)).toEqual([...all.items.map((i) => i.date)].sort());
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await drillThrough(t.ctx, admin(), { ...q, measure: 'births', page, pageSize: 2 })).items);
    expect(pages.map((i) => i.eventId)).toEqual(all.items.map((i) => i.eventId));
    expect((await drillThrough(t.ctx, admin(), { ...q, measure: 'births', page: 4, pageSize: 2 })).items).toEqual([]);
    // The policy classes selected in SQL are those classifyBirth gives, and their totals agree.
    for (const policy of ['compliant', 'noncompliant'] as const) {
      const d = await drillThrough(t.ctx, admin(), { ...q, measure: `births_${policy}` });
      const expected = all.items.filter((i) => i.policyClass === policy);
      expect(d.items.map((i) => i.eventId)).toEqual(expected.map((i) => i.eventId));
      expect(d.total).toBe(expected.length);
    }
    const table = await statsTable(t.ctx, admin(), { area: AREAS.city, period: q.period, indicators: ['births'] });
    expect(table.rows[0].values.births.value).toBe(all.total);
  });
});
