// Golden cases as data (src/benefits/golden/*.yaml): a family, a programme, a year, and what
// each person should get. Run by `renkou benefits test FILE.yaml`.
import { z } from 'zod';
import type { BenefitPerson, Facts, Household } from './household.ts';
import { evaluate } from './programmes/index.ts';
import { PROGRAMME_CODES, type RuleSet } from './rules.ts';

const date = z.union([z.string(), z.date()]).transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10))).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const personSchema = z.object({
  ref: z.string(),
  sex: z.enum(['男', '女']),
  birth_date: date,
  death_date: date.optional(),
  hukou_type: z.enum(['农业', '非农业']).optional(),
  hukou_area: z.union([z.string(), z.number()]).transform(String).optional(),
  disability_grade: z.number().int().min(1).max(4).optional(),
  spouse: z.string().optional(),
  mother: z.string().optional(),
  father: z.string().optional(),
});
export const goldenCaseSchema = z.object({
  name: z.string(),
  programme: z.enum(PROGRAMME_CODES),
  jurisdiction: z.union([z.string(), z.number()]).transform(String),
  year: z.number().int(),
  persons: z.array(personSchema).min(1),
  facts: z.record(z.string(), z.record(z.string(), z.unknown())).nullish().transform((v) => v ?? {}),
  expect: z.record(z.string(), z.object({ eligible: z.boolean(), amount_yuan: z.number().optional() })),
});
export type GoldenCase = z.infer<typeof goldenCaseSchema>;
export const goldenFileSchema = z.array(goldenCaseSchema);

function toPerson(p: z.infer<typeof personSchema>, jurisdiction: string): BenefitPerson {
  return {
    id: p.ref,
    sex: p.sex === '男' ? 'M' : 'F',
    birthDate: p.birth_date,
    deathDate: p.death_date ?? null,
    hukouType: p.hukou_type === '农业' ? 'rural' : p.hukou_type === '非农业' ? 'urban' : null,
    hukouArea: p.hukou_area ?? jurisdiction,
    disabilityGrade: p.disability_grade ?? null,
  };
}

/**
 * The household of each person of a case, built from the refs as the registry links them. A
 * spouse named on one side is a spouse of both (households.ts): a person's own `spouse` first,
 * else the smallest ref among the persons naming them.
 */
export function householdsOf(c: GoldenCase): Map<string, Household> {
  const persons = new Map(c.persons.map((p) => [p.ref, toPerson(p, c.jurisdiction)]));
  const spouse = new Map<string, string>();
  for (const p of c.persons) if (p.spouse) spouse.set(p.ref, p.spouse);
  for (const p of [...c.persons].sort((a, b) => (a.ref < b.ref ? -1 : 1))) {
    if (p.spouse && !c.persons.some((x) => x.ref === p.spouse && x.spouse) && !spouse.has(p.spouse)) spouse.set(p.spouse, p.ref);
  }
  const out = new Map<string, Household>();
  for (const p of c.persons) {
    const sp = spouse.get(p.ref) ?? null;
    const parents = new Set([p.ref, ...(sp ? [sp] : [])]);
    const children = c.persons.filter((x) => (x.mother && parents.has(x.mother)) || (x.father && parents.has(x.father)));
    const siblings = c.persons.filter((x) => x.ref === p.ref || (p.mother && x.mother === p.mother) || (p.father && x.father === p.father));
    out.set(p.ref, {
      person: persons.get(p.ref)!,
      spouse: sp ? persons.get(sp) ?? null : null,
      children: children.map((x) => persons.get(x.ref)!),
      siblingsAndSelf: siblings.map((x) => persons.get(x.ref)!),
      facts: (c.facts[p.ref] ?? {}) as Facts,
    });
  }
  return out;
}

export interface GoldenFailure {
  caseName: string;
  ref: string;
  message: string;
}

export function runGoldenCase(rules: RuleSet, c: GoldenCase): GoldenFailure[] {
  const households = householdsOf(c);
  const failures: GoldenFailure[] = [];
  for (const [ref, want] of Object.entries(c.expect)) {
    const h = households.get(ref);
    if (!h) { failures.push({ caseName: c.name, ref, message: `no person with ref ${ref}` }); continue; }
    const got = evaluate(rules, c.programme, h, c.jurisdiction, c.year);
    const gotYuan = got.amountFen / 100;
    if (got.eligible !== want.eligible) {
      failures.push({ caseName: c.name, ref, message: `eligible: expected ${want.eligible}, got ${got.eligible} (${got.reasons.join(', ')})` });
    } else if (want.amount_yuan !== undefined && gotYuan !== want.amount_yuan) {
      failures.push({ caseName: c.name, ref, message: `amount_yuan: expected ${want.amount_yuan}, got ${gotYuan}` });
    }
  }
  return failures;
}
