// The eligibility run's fast path (bulk read, candidate filters, summaries) gives exactly the
// lines a straightforward evaluation gives: every person of every county, every programme, with
// households built here from plain row lists and no filter. A seeded city of a few thousand
// persons with recorded facts, two years (so that continuing and leaving lines appear too).
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitPerson, Facts, Household } from '../../src/benefits/household.ts';
import { evaluate } from '../../src/benefits/programmes/index.ts';
import { currentRules } from '../../src/benefits/rules.service.ts';
import { PROGRAMME_CODES } from '../../src/benefits/rules.ts';
import { runAllProgrammes } from '../../src/benefits/run.service.ts';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { seedPopulation } from '../../src/registry/seed/seed.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';

const CITY = '5107';
const FACTS: Facts[] = [
  { poor: true }, { honour_certificate: true }, { surgery_recipient: true }, { surgery_complication_grade: 2 },
  { policy_violation: true }, { city_extension: true }, { honour_certificate: true, poor: true },
];

interface Row { id: string; sex: 'M' | 'F'; birth_date: string; death_date: string | null; hukou_type: 'rural' | 'urban' | null; hukou_area_code: string; disability_grade: number | null; mother_id: string | null; father_id: string | null; spouse_id: string | null }

describe.each(DIALECTS)('eligibility run equals a straightforward evaluation on %s', (dialect) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await seedPopulation(t.ctx, systemActor(''), { region: CITY, persons: 4000, seed: 7 });
    const db = t.ctx.db.kysely;
    const persons = await db.selectFrom('persons').select(['id', 'hukou_area_code']).orderBy('id').execute();
    const now = new Date().toISOString();
    const evidence = persons.filter((_, i) => i % 5 === 0).map((p, i) => ({
      id: uuidv7(), person_id: p.id, area_code: p.hukou_area_code, item: `test_${i % FACTS.length}`, facts: JSON.stringify(FACTS[i % FACTS.length]),
      document_no: null, paper_filed: 0, note: null, version: 1, created_at: now, updated_at: now,
    }));
    for (let i = 0; i < evidence.length; i += 200) await db.insertInto('benefit_evidence').values(evidence.slice(i, i + 200)).execute();
  }, 240_000);
  afterAll(async () => { await t?.dispose(); });

  async function expected(year: number) {
    const db = t.ctx.db.kysely;
    const all = (await db.selectFrom('persons').select(['id', 'sex', 'birth_date', 'death_date', 'hukou_type', 'hukou_area_code', 'disability_grade', 'mother_id', 'father_id', 'spouse_id']).execute()) as Row[];
    const inCity = new Set(all.filter((r) => r.hukou_area_code.startsWith(CITY)).map((r) => r.id));
    // The city's persons and their children and spouses registered elsewhere (as the run reads them).
    const rows = all.filter((r) => inCity.has(r.id) || [r.mother_id, r.father_id, r.spouse_id].some((x) => x && inCity.has(x)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const facts = new Map<string, Facts>();
    for (const e of await db.selectFrom('benefit_evidence').select(['person_id', 'facts']).execute()) facts.set(e.person_id, { ...facts.get(e.person_id), ...JSON.parse(e.facts) });
    const person = (r: Row): BenefitPerson => ({ id: r.id, sex: r.sex, birthDate: r.birth_date, deathDate: r.death_date, hukouType: r.hukou_type, hukouArea: r.hukou_area_code, disabilityGrade: r.disability_grade });
    const household = (r: Row): Household => ({
      person: person(r),
      spouse: r.spouse_id && byId.has(r.spouse_id) ? person(byId.get(r.spouse_id)!) : null,
      children: rows.filter((c) => [c.mother_id, c.father_id].some((p) => p && (p === r.id || p === r.spouse_id))).map(person),
      siblingsAndSelf: [r, ...rows.filter((c) => c.id !== r.id && [c.mother_id, c.father_id].some((p) => p && (p === r.mother_id || p === r.father_id)))].map(person),
      facts: facts.get(r.id) ?? {},
    });
    const rules = await currentRules(t.ctx);
    const out: string[] = [];
    for (const county of t.ctx.areas.childrenOf(CITY).map((a) => a.code).filter((c) => c.length === 6)) {
      for (const r of rows.filter((x) => x.hukou_area_code.startsWith(county))) {
        const h = household(r);
        for (const programme of PROGRAMME_CODES) {
          const o = evaluate(rules, programme, h, county, year);
          if (o.eligible) out.push(JSON.stringify([programme, county, r.id, r.hukou_area_code, o.reasons, o.scheme, o.amountFen, o.split, o.version]));
        }
      }
    }
    return out.sort();
  }

  async function written(year: number) {
    const lines = await t.ctx.db.kysely.selectFrom('benefit_lines as l').innerJoin('benefit_cycles as c', 'c.id', 'l.cycle_id')
      .select(['c.programme', 'c.area_code as county', 'l.person_id', 'l.area_code', 'l.kind', 'l.reasons', 'l.scheme', 'l.amount_fen', 'l.split', 'l.rule_version'])
      .where('c.year', '=', year).execute();
    const eligible = lines.filter((l) => l.kind !== 'leaving')
      .map((l) => JSON.stringify([l.programme, l.county, l.person_id, l.area_code, JSON.parse(l.reasons), l.scheme, Number(l.amount_fen), JSON.parse(l.split), l.rule_version])).sort();
    return { eligible, lines };
  }

  it('writes the eligible lines of every programme and county, and the leaving ones', async () => {
    await runAllProgrammes(t.ctx, systemActor(''), { area: CITY, year: 2025, programmes: [...PROGRAMME_CODES] });
    await runAllProgrammes(t.ctx, systemActor(''), { area: CITY, year: 2026, programmes: [...PROGRAMME_CODES] });
    const [exp2025, exp2026] = [await expected(2025), await expected(2026)];
    const [got2025, got2026] = [await written(2025), await written(2026)];
    expect(exp2026.length).toBeGreaterThan(50);
    expect(new Set(exp2026.map((l) => JSON.parse(l)[0])).size).toBeGreaterThanOrEqual(5);
    expect(got2025.eligible).toEqual(exp2025);
    expect(got2026.eligible).toEqual(exp2026);
    // Who was eligible in 2025 and is not in 2026 leaves; who stays continues.
    const key = (l: string) => { const [p, c, id] = JSON.parse(l) as string[]; return `${p}|${c}|${id}`; };
    const before = new Set(exp2025.map(key));
    const now = new Set(exp2026.map(key));
    const leaving = got2026.lines.filter((l) => l.kind === 'leaving').map((l) => `${l.programme}|${l.county}|${l.person_id}`).sort();
    expect(leaving).toEqual([...before].filter((k) => !now.has(k)).sort());
    const continuing = got2026.lines.filter((l) => l.kind === 'continuing').map((l) => `${l.programme}|${l.county}|${l.person_id}`).sort();
    expect(continuing).toEqual([...now].filter((k) => before.has(k)).sort());
  }, 240_000);
});
