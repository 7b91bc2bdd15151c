// The golden cases of src/benefits/golden are the unit tests of the rules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { goldenFileSchema, householdsOf, runGoldenCase } from './golden.ts';
import { evaluate } from './programmes/index.ts';
import { childcareMonths } from './programmes/childcare-subsidy.ts';
import { ruleFiles } from './rules-loader.ts';
import { PROGRAMME_CODES } from './rules.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const rules = ruleFiles();
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const all = files.flatMap((f) => goldenFileSchema.parse(YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8'))).map((c) => ({ file: f, c })));

describe('golden cases', () => {
  it('there are at least 40, covering every programme', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((x) => x.c.programme))).toEqual(new Set(PROGRAMME_CODES));
  });

  it.each(all.map((x) => [`${x.file}: ${x.c.name}`, x.c] as const))('%s', (_name, c) => {
    expect(runGoldenCase(rules, c)).toEqual([]);
  });

  it('a wrong expectation is reported, one failure per person', () => {
    const c = all.find((x) => x.c.name.startsWith('Chengdu 2013, only child died'))!.c;
    const wrong = { ...c, expect: { father: { eligible: true, amount_yuan: 4100 }, mother: { eligible: false } } };
    const failures = runGoldenCase(rules, wrong);
    expect(failures.map((f) => f.ref)).toEqual(['father', 'mother']);
    expect(failures[0].message).toContain('expected 4100, got 4200');
  });
});

describe('golden households', () => {
  it('a spouse named on one side is a spouse of both; own records first, then the smallest ref naming one', () => {
    const p = (ref: string, spouse?: string) => ({ ref, sex: '女', birth_date: '1960-01-01', ...(spouse ? { spouse } : {}) });
    const c = goldenFileSchema.parse([{
      name: 'spouses', programme: 'rewardAid', jurisdiction: '510703', year: 2026, expect: {},
      persons: [p('b', 'c'), p('a', 'b'), p('c'), p('x'), p('y', 'x'), p('z', 'x')],
    }])[0];
    const spouses = Object.fromEntries([...householdsOf(c)].map(([ref, h]) => [ref, h.spouse?.id ?? null]));
    expect(spouses).toEqual({ a: 'b', b: 'c', c: 'b', x: 'y', y: 'x', z: 'x' });
  });
});

describe('amounts, funding and provenance', () => {
  it('Chengdu special aid: the national rate from the centre and province, the rest from city and district', () => {
    const c = all.find((x) => x.c.name.startsWith('Chengdu 2013, only child died'))!.c;
    const out = evaluate(rules, 'specialAid', householdsOf(c).get('mother')!, '510107', 2013);
    expect(out.amountFen).toBe(420000);
    // 135 × 12 = 1620 national (80 % central, 20 % provincial); 215 × 12 = 2580 Chengdu (50/50)
    expect(out.split).toEqual({ central: 129600, provincial: 32400, city: 129000, county: 129000 });
    expect(Object.keys(out.paramsUsed)).toEqual(expect.arrayContaining(['monthly_died_urban_yuan@CN', 'monthly_died_urban_yuan@5101', 'min_age_mother@CN']));
    expect(out.paramsUsed['monthly_died_urban_yuan@5101']).toMatchObject({ value: 350, from: '2013-01-01' });
    expect(out.version).toBe('2008-01-01');
  });

  it('the 2014 version of special aid is chosen from 2014', () => {
    const c = all.find((x) => x.c.name.startsWith('Mianyang 2014, deceased child'))!.c;
    expect(evaluate(rules, 'specialAid', householdsOf(c).get('father')!, '510703', 2014).version).toBe('2014-01-01');
  });

  it('every outcome split sums to its amount', () => {
    for (const { c } of all) for (const [ref, h] of householdsOf(c)) {
      const out = evaluate(rules, c.programme, h, c.jurisdiction, c.year);
      const sum = Object.values(out.split).reduce((a, b) => a + (b ?? 0), 0);
      expect(sum, `${c.name} ${ref}`).toBe(out.amountFen);
    }
  });

  it('childcare: a child born in December 2023 gets 24 months = 7200 yuan in all', () => {
    const child = { birthDate: '2023-12-10', deathDate: null };
    const months = childcareMonths(child, 3, '2025-01', 0, 3000 * 12);
    expect(months).toBe(24);
    expect(months * 300).toBe(7200);
    expect(childcareMonths({ birthDate: '2022-01-31', deathDate: null }, 3, '2025-01', 0, 3000 * 12)).toBe(1);
    expect(childcareMonths({ birthDate: '2025-01-01', deathDate: null }, 3, '2025-01', 0, 3000 * 12)).toBe(36);
  });

  it('every rule value carries a reference', () => {
    for (const p of Object.values(rules)) {
      for (const layers of Object.values(p.parameters)) for (const s of Object.values(layers)) for (const v of s) expect(v.reference.length).toBeGreaterThan(0);
      for (const s of Object.values(p.funding)) for (const v of s) {
        expect(v.reference.length).toBeGreaterThan(0);
        if (v.value) expect(Object.values(v.value).reduce((a, b) => a + (b ?? 0), 0)).toBe(100);
      }
    }
  });
});
