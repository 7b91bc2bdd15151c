// Realism of a 100,000-person generation against the ranges the generator aims at
// (Sichuan / Mianyang 2013-2025; see rates.ts for sources).
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveState, type Span } from '../spans.ts';
import type { NewPerson } from '../../platform/db/schema.ts';
import { age, collect, eventsByPerson, mianyangVillages, type Run } from './test-support.ts';

const TODAY = '2025-06-30';
let run: Run;
let spans: Span[][];
let byId: Map<string, NewPerson>;

beforeAll(() => {
  run = collect({ persons: 100_000, seed: 20130101, today: TODAY });
  byId = new Map(run.persons.map((p) => [p.id, p]));
  const evs = eventsByPerson(run.events);
  spans = run.persons.map((p) => deriveState({
    birthDate: p.birth_date, hukouAreaCode: p.hukou_area_code, residenceAreaCode: p.residence_area_code,
    isLocalArea: (c) => c.startsWith('5107'),
    events: (evs.get(p.id) ?? []).map((e) => ({ kind: e.kind, date: e.date, areaCode: e.area_code, fromAreaCode: e.from_area_code ?? null })),
  }).spans);
});

/** Registered (hukou) population at 00:00 of a day. */
function registered(day: string): NewPerson[] {
  return run.persons.filter((_, i) => spans[i].some((s) => s.hukouAreaCode && s.startDate <= day && (s.endDate === null || s.endDate > day)));
}

function yearly(kind: 'birth' | 'death') {
  const out: Record<number, number> = {};
  for (let y = 2013; y <= 2024; y++) {
    const mean = (registered(`${y}-01-01`).length + registered(`${y + 1}-01-01`).length) / 2;
    const n = run.events.filter((e) => e.kind === kind && e.date.startsWith(String(y))).length;
    out[y] = (n / mean) * 1000;
  }
  return out;
}

const share = (list: NewPerson[], pred: (p: NewPerson) => boolean) => list.filter(pred).length / list.length;

describe('a generated city of 100,000 persons', () => {
  it('has 6-10 births per 1000 a year, higher in 2016-2017 than in 2022-2024', () => {
    const r = yearly('birth');
    for (const v of Object.values(r)) { expect(v).toBeGreaterThan(5.5); expect(v).toBeLessThan(10.8); }
    expect((r[2016] + r[2017]) / 2).toBeGreaterThan(9);
    expect((r[2022] + r[2023] + r[2024]) / 3).toBeLessThan(7);
  });

  it('has 6-8 deaths per 1000 a year, mostly of old people', () => {
    const r = yearly('death');
    for (const v of Object.values(r)) { expect(v).toBeGreaterThan(5.5); expect(v).toBeLessThan(8.7); }
    const ages = run.events.filter((e) => e.kind === 'death' && e.date >= '2013').map((e) => age(byId.get(e.person_id)!.birth_date, e.date));
    expect(ages.filter((a) => a >= 60).length / ages.length).toBeGreaterThan(0.75);
  });

  it('has a sex ratio at birth of 105-115 and parities 1-3+ in plausible shares', () => {
    const births = run.events.filter((e) => e.kind === 'birth');
    const boys = births.filter((e) => byId.get(e.person_id)!.sex === 'M').length;
    const srb = (boys / (births.length - boys)) * 100;
    expect(srb).toBeGreaterThan(105);
    expect(srb).toBeLessThan(115);
    const late = births.filter((e) => e.date >= '2022');
    expect(share(late.map((e) => byId.get(e.person_id)!), (p) => p.mother_id !== null)).toBe(1);
    const third = late.filter((e) => e.parity! >= 3).length / late.length;
    expect(third).toBeGreaterThan(0.07);
    expect(third).toBeLessThan(0.25);
  });

  it('is ageing like Sichuan at the 2020 census (children fewer than the elderly)', () => {
    const day = '2020-11-01';
    const pop = registered(day);
    const kids = share(pop, (p) => age(p.birth_date, day) <= 14);
    const old = share(pop, (p) => age(p.birth_date, day) >= 60);
    expect(kids).toBeGreaterThan(0.11);
    expect(kids).toBeLessThan(0.19);
    expect(old).toBeGreaterThan(0.18);
    expect(old).toBeLessThan(0.26);
    const men = share(pop, (p) => p.sex === 'M');
    expect(men / (1 - men)).toBeGreaterThan(0.98);
    expect(men / (1 - men)).toBeLessThan(1.07);
    const oldest = pop.filter((p) => age(p.birth_date, day) >= 80);
    expect(share(oldest, (p) => p.sex === 'F')).toBeGreaterThan(0.55);
  });

  it('has 10-15% migrants and mostly rural hukou in villages, urban in street communities', () => {
    const alive = run.persons.filter((p) => p.status === 'alive');
    const m = share(alive, (p) => p.is_migrant === 1);
    expect(m).toBeGreaterThan(0.1);
    expect(m).toBeLessThan(0.15);
    const names = new Map(mianyangVillages().map((v) => [v.code, v.name]));
    const community = (p: NewPerson) => /社区|居委会|居民委员会/.test(names.get(p.hukou_area_code)!);
    const street = (p: NewPerson) => Number(p.hukou_area_code.slice(6, 9)) < 100; // 001-099: 街道
    expect(share(alive.filter((p) => !street(p) && !community(p)), (p) => p.hukou_type === 'rural')).toBeGreaterThan(0.72);
    expect(share(alive.filter((p) => street(p) && community(p)), (p) => p.hukou_type === 'urban')).toBeGreaterThan(0.75);
  });

  it('has mostly 汉族, with 羌族 in 北川 and some 藏族 in 平武', () => {
    const alive = run.persons.filter((p) => p.status === 'alive');
    expect(share(alive, (p) => p.ethnicity === '01')).toBeGreaterThan(0.9);
    expect(share(alive.filter((p) => p.hukou_area_code.startsWith('510726')), (p) => p.ethnicity === '33')).toBeGreaterThan(0.3);
    expect(share(alive.filter((p) => p.hukou_area_code.startsWith('510727')), (p) => p.ethnicity === '04')).toBeGreaterThan(0.02);
  });

  it('has bereaved and reward-aid families', () => {
    const children = new Map<string, NewPerson[]>();
    for (const p of run.persons) if (p.mother_id) (children.get(p.mother_id) ?? children.set(p.mother_id, []).get(p.mother_id)!).push(p);
    const mothers = run.persons.filter((p) => p.sex === 'F' && age(p.birth_date, TODAY) >= 49);
    const bereaved = mothers.filter((m) => { const c = children.get(m.id) ?? []; return c.length === 1 && c[0].status === 'dead'; });
    const perThousand = (bereaved.length / run.families.length) * 1000;
    expect(perThousand).toBeGreaterThan(1);
    expect(perThousand).toBeLessThan(10);
    const rural60 = run.persons.filter((p) => p.status === 'alive' && p.hukou_type === 'rural' && age(p.birth_date, TODAY) >= 60 && children.has(p.id));
    const reward = rural60.filter((m) => { const c = children.get(m.id)!; return c.length === 1 || (c.length === 2 && c.every((k) => k.sex === 'F')); });
    expect(reward.length / rural60.length).toBeGreaterThan(0.15);
  });

  it('has households of plausible size', () => {
    const size = new Map<string, number>();
    for (const p of run.persons) if (p.status === 'alive' && p.family_id) size.set(p.family_id, (size.get(p.family_id) ?? 0) + 1);
    const sizes = [...size.values()];
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2.2);
    expect(mean).toBeLessThan(3.2);
    expect(sizes.filter((s) => s === 1).length / sizes.length).toBeGreaterThan(0.1);
  });
});
