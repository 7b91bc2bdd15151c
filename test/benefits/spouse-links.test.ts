// Marriages recorded on one side only (a person created with a spouse, an import row naming one):
// a run over the city and a run over one county must see the same households, and the right
// ones. The rule (households.ts): a person's own record names their spouse; a person whose record
// names nobody is married to whoever names them (the smallest id when several do). Spouses are
// registered in another county or outside the city, and the child that decides is recorded with
// one parent only, registered where that parent is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyViews, evaluateArea, loadArea, type LoadedArea } from '../../src/benefits/evaluation.service.ts';
import { HouseholdIndex } from '../../src/benefits/households.ts';
import { eachPersonRegisteredIn, relativesOutside } from '../../src/benefits/registry-facts.repository.ts';
import { currentRules } from '../../src/benefits/rules.service.ts';
import type { ProgrammeCode } from '../../src/benefits/rules.ts';
import { systemActor } from '../../src/platform/auth/roles.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS, makePerson } from '../support/factories.ts';
import { registry, universe } from './plain-evaluation.ts';

const CITY = AREAS.city;
const YEAR = 2026;
const root = systemActor('');
const villageIn = (ctx: AppContext, code: string): string => {
  let c = code;
  while (c.length < 12) c = ctx.areas.childrenOf(c)[0].code;
  return c;
};

interface Want { programme: ProgrammeCode; eligible: boolean; reason: string }

async function families(ctx: AppContext) {
  const fu = AREAS.jingzhong;
  const you = villageIn(ctx, AREAS.youxian);
  const chengdu = villageIn(ctx, '510107');
  const person = async (name: string, sex: 'M' | 'F', birthDate: string, hukouAreaCode: string, more: { spouseId?: string; motherId?: string; fatherId?: string; disabilityGrade?: number } = {}) =>
    (await makePerson(ctx, { name, sex, birthDate, hukouType: 'rural', hukouAreaCode, ...more }, root)).id;
  const want = new Map<string, Want>();

  // 1. The wife (游仙区) names the husband (涪城区), who names nobody. A son recorded with his father
  // only, a daughter with her mother only: two children, so neither parent gets reward aid.
  const h1 = await person('甲夫', 'M', '1955-03-01', fu);
  const w1 = await person('甲妻', 'F', '1957-03-01', you, { spouseId: h1 });
  await person('甲子', 'M', '1982-03-01', fu, { fatherId: h1 });
  await person('甲女', 'F', '1985-03-01', you, { motherId: w1 });
  want.set(h1, { programme: 'rewardAid', eligible: false, reason: 'children.not_qualifying' });
  want.set(w1, { programme: 'rewardAid', eligible: false, reason: 'children.not_qualifying' });

  // 2. The husband (涪城区) names the wife (游仙区), who names nobody. Their only child, disabled,
  // is recorded with the mother only: special aid for both.
  const w2 = await person('乙妻', 'F', '1970-04-01', you);
  const h2 = await person('乙夫', 'M', '1968-04-01', fu, { spouseId: w2 });
  await person('乙子', 'M', '1995-04-01', you, { motherId: w2, disabilityGrade: 2 });
  want.set(h2, { programme: 'specialAid', eligible: true, reason: 'child.disabled' });
  want.set(w2, { programme: 'specialAid', eligible: true, reason: 'child.disabled' });

  // 3. As 2, the child recorded with the father only: the wife knows her child through her husband.
  const w3 = await person('丙妻', 'F', '1971-05-01', you);
  const h3 = await person('丙夫', 'M', '1969-05-01', fu, { spouseId: w3 });
  await person('丙子', 'M', '1996-05-01', fu, { fatherId: h3, disabilityGrade: 1 });
  want.set(h3, { programme: 'specialAid', eligible: true, reason: 'child.disabled' });
  want.set(w3, { programme: 'specialAid', eligible: true, reason: 'child.disabled' });

  // 4. The husband (涪城区) names a wife registered in Chengdu, who names nobody: the mother's age
  // comes from her record, so the city run must read her as the county run does.
  const w4 = await person('丁妻', 'F', '1968-06-01', chengdu);
  const h4 = await person('丁夫', 'M', '1966-06-01', fu, { spouseId: w4 });
  await person('丁子', 'M', '1992-06-01', fu, { fatherId: h4, disabilityGrade: 2 });
  want.set(h4, { programme: 'specialAid', eligible: true, reason: 'child.disabled' });

  // 5. A wife registered in Chengdu names the husband (涪城区); her daughter lives in Chengdu too.
  const h5 = await person('戊夫', 'M', '1955-07-01', fu);
  const w5 = await person('戊妻', 'F', '1957-07-01', chengdu, { spouseId: h5 });
  await person('戊子', 'M', '1983-07-01', fu, { fatherId: h5 });
  await person('戊女', 'F', '1986-07-01', chengdu, { motherId: w5 });
  want.set(h5, { programme: 'rewardAid', eligible: false, reason: 'children.not_qualifying' });

  // 6. A conflict: A names B, B names C, C names nobody. Own records first: A's wife is B (her
  // daughter and his son: two children); B's husband is C, and C's wife is B (one child each).
  const c6 = await person('己丙', 'M', '1954-08-01', you);
  const b6 = await person('己乙', 'F', '1957-08-01', you, { spouseId: c6 });
  const a6 = await person('己甲', 'M', '1955-08-01', fu, { spouseId: b6 });
  await person('己甲子', 'M', '1984-08-01', fu, { fatherId: a6 });
  await person('己乙女', 'F', '1986-08-01', you, { motherId: b6 });
  want.set(a6, { programme: 'rewardAid', eligible: false, reason: 'children.not_qualifying' });
  want.set(b6, { programme: 'rewardAid', eligible: true, reason: 'children.one' });
  want.set(c6, { programme: 'rewardAid', eligible: true, reason: 'children.one' });

  // 7. Two men name the same woman, who names nobody: the first recorded (the smaller id) is her
  // husband. His one son makes her a one-child mother; the other's two sons would not.
  const x7 = await person('庚妻', 'F', '1957-09-01', fu);
  const y7 = await person('庚甲', 'M', '1955-09-01', you, { spouseId: x7 });
  const z7 = await person('庚乙', 'M', '1954-09-01', chengdu, { spouseId: x7 });
  await person('庚甲子', 'M', '1985-09-01', you, { fatherId: y7 });
  await person('庚乙子一', 'M', '1980-09-01', chengdu, { fatherId: z7 });
  await person('庚乙子二', 'M', '1982-09-01', chengdu, { fatherId: z7 });
  want.set(x7, { programme: 'rewardAid', eligible: true, reason: 'children.one' });
  return { want, firstClaimant: y7, secondClaimant: z7 };
}

describe.each(DIALECTS)('one-sided spouse links on %s', (dialect) => {
  let t: TestDb;
  let fam: Awaited<ReturnType<typeof families>>;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    fam = await families(t.ctx);
  }, 120_000);
  afterAll(async () => { await t?.dispose(); });

  /** Outcomes of the wanted persons registered in `county`, from `loaded` (the city's or the county's own load). */
  async function outcomes(loaded: LoadedArea, county: string) {
    const rules = await currentRules(t.ctx);
    const out = new Map<string, { listed: boolean; eligible: boolean; reasons: string[]; amountFen: number }>();
    for (const [id, w] of fam.want) {
      const at = loaded.index.find(id);
      if (at < 0 || !loaded.index.area(at).startsWith(county)) continue;
      const { eligible, others } = evaluateArea(loaded, rules, w.programme, county, YEAR, [id]);
      const o = others.get(id)!;
      out.set(id, { listed: eligible.some((e) => e.personId === id), eligible: o.eligible, reasons: o.reasons, amountFen: o.amountFen });
    }
    return out;
  }

  it('reads the same relatives whichever way it reads them, the ones the rule needs', async () => {
    const { rows } = await registry(t.ctx.db.kysely);
    for (const area of [AREAS.fucheng, AREAS.youxian, CITY]) {
      const index = new HouseholdIndex();
      let n = 0;
      await eachPersonRegisteredIn(t.ctx.db, area, (p) => { index.add(p); n++; });
      // Fewer persons outside than inside: all of them read and matched; otherwise by joins.
      const byScan = (await relativesOutside(t.ctx.db.kysely, area, Number.MAX_SAFE_INTEGER, index)).map((r) => r.id).sort();
      const byJoins = (await relativesOutside(t.ctx.db.kysely, area, 0, index)).map((r) => r.id).sort();
      const needed = universe(rows, area, []).filter((r) => !r.hukou_area_code.startsWith(area)).map((r) => r.id).sort();
      expect(byScan).toEqual(needed);
      expect(byJoins).toEqual(needed);
      expect(needed.length).toBeGreaterThan(0);
    }
    // Both men naming the woman of family 7 are read, with their children: the rule needs every
    // record naming her to settle which one is her husband (the outcomes below check it did).
    const cityNeeds = new Set(universe(rows, CITY, []).map((r) => r.id));
    for (const man of [fam.firstClaimant, fam.secondClaimant]) {
      expect(cityNeeds.has(man)).toBe(true);
      expect(rows.filter((r) => r.father_id === man).every((r) => cityNeeds.has(r.id))).toBe(true);
    }
  });

  it('gives each affected person the same, right outcome in the city run and in their county run', async () => {
    expect(fam.firstClaimant < fam.secondClaimant).toBe(true);
    const counties = [AREAS.fucheng, AREAS.youxian];
    const city = countyViews(await loadArea(t.ctx, CITY), counties);
    const seen = new Set<string>();
    for (const county of counties) {
      const fromCity = await outcomes(city.get(county)!, county);
      const alone = await outcomes(await loadArea(t.ctx, county), county);
      expect(alone).toEqual(fromCity);
      for (const [id, o] of alone) {
        const w = fam.want.get(id)!;
        expect({ id, listed: o.listed, eligible: o.eligible, reason: o.reasons.includes(w.reason) }).toEqual({ id, listed: w.eligible, eligible: w.eligible, reason: true });
        seen.add(id);
      }
    }
    expect(seen.size).toBe(fam.want.size);
  });
});
