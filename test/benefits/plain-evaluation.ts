// The yardstick of the eligibility run: every person read as a plain row, households built by
// filtering the rows, every programme applied to every resident with no candidate filter, and
// the roster lines (new, continuing, leaving) worked out from the previous year's lines.
import type { BenefitPerson, Facts, Household } from '../../src/benefits/household.ts';
import type { Outcome } from '../../src/benefits/outcome.ts';
import { evaluate } from '../../src/benefits/programmes/index.ts';
import type { ProgrammeCode, RuleSet } from '../../src/benefits/rules.ts';
import type { Executor } from '../../src/platform/db/executor.ts';

export interface Row { id: string; sex: 'M' | 'F'; birth_date: string; death_date: string | null; hukou_type: 'rural' | 'urban' | null; hukou_area_code: string; disability_grade: number | null; mother_id: string | null; father_id: string | null; spouse_id: string | null }

/** A roster line as the test compares it (amounts as numbers, JSON parsed, parameters used by value). */
export interface PlainLine {
  programme: string; county: string; personId: string; area: string; kind: 'new' | 'continuing' | 'leaving'; eligible: number;
  reasons: string[]; scheme: string | null; amountFen: number; split: unknown; ruleVersion: string | null; params: unknown;
}

export const lineKey = (l: { programme: string; county: string; personId: string }) => `${l.programme}|${l.county}|${l.personId}`;

export async function registry(db: Executor): Promise<{ rows: Row[]; facts: Map<string, Facts> }> {
  const rows = (await db.selectFrom('persons').select(['id', 'sex', 'birth_date', 'death_date', 'hukou_type', 'hukou_area_code', 'disability_grade', 'mother_id', 'father_id', 'spouse_id']).orderBy('id').execute()) as Row[];
  const facts = new Map<string, Facts>();
  for (const e of await db.selectFrom('benefit_evidence').select(['person_id', 'facts']).orderBy('id').execute()) facts.set(e.person_id, { ...facts.get(e.person_id), ...JSON.parse(e.facts) });
  return { rows, facts };
}

/**
 * A person's spouse by the rule of households.ts: the one their own record names; for a person
 * naming nobody, the smallest id among the rows naming them.
 */
export function spouseIdOf(rows: Row[], r: Row): string | null {
  if (r.spouse_id) return r.spouse_id;
  const naming = rows.filter((x) => x.spouse_id === r.id).map((x) => x.id).sort();
  return naming[0] ?? null;
}

/**
 * What a run over `area` reads: its persons, their children, their spouses (named by them, or
 * naming one of them who names nobody), the children of those spouses, and `alsoIds`.
 */
export function universe(all: Row[], area: string, alsoIds: Iterable<string>): Row[] {
  const inside = new Set(all.filter((r) => r.hukou_area_code.startsWith(area)).map((r) => r.id));
  const named = new Set(all.filter((r) => inside.has(r.id) && r.spouse_id).map((r) => r.spouse_id!));
  const namesNobody = new Set(all.filter((r) => inside.has(r.id) && !r.spouse_id).map((r) => r.id));
  const spouses = new Set(all.filter((r) => named.has(r.id) || (r.spouse_id && namesNobody.has(r.spouse_id))).map((r) => r.id));
  const also = new Set(alsoIds);
  return all.filter((r) => inside.has(r.id) || also.has(r.id) || spouses.has(r.id) || [r.mother_id, r.father_id].some((x) => x && (inside.has(x) || spouses.has(x))));
}

const person = (r: Row): BenefitPerson => ({ id: r.id, sex: r.sex, birthDate: r.birth_date, deathDate: r.death_date, hukouType: r.hukou_type, hukouArea: r.hukou_area_code, disabilityGrade: r.disability_grade });

/** Households over `rows`, each built once (by filtering the rows) when first asked for. */
export function households(rows: Row[], facts: Map<string, Facts>): (r: Row) => Household {
  const made = new Map<string, Household>();
  return (r) => {
    let h = made.get(r.id);
    if (!h) made.set(r.id, (h = household(rows, facts, r)));
    return h;
  };
}

function household(rows: Row[], facts: Map<string, Facts>, r: Row): Household {
  const spouseId = spouseIdOf(rows, r);
  const spouse = spouseId ? rows.find((x) => x.id === spouseId) : undefined;
  return {
    person: person(r),
    spouse: spouse ? person(spouse) : null,
    children: rows.filter((c) => [c.mother_id, c.father_id].some((p) => p && (p === r.id || p === spouseId))).map(person),
    siblingsAndSelf: [r, ...rows.filter((c) => c.id !== r.id && [c.mother_id, c.father_id].some((p) => p && (p === r.mother_id || p === r.father_id)))].map(person),
    facts: facts.get(r.id) ?? {},
  };
}

const LEAVING_REASONS = new Set(['person.died', 'person.moved_away']);

/**
 * The lines of one programme in one county for a year: every resident of the county evaluated in
 * the household `rows` give them; the previous year's eligible lines decide new and continuing, and
 * those not eligible any more leave with the reasons of their outcome where they are now.
 */
export function expectedLines(
  rules: RuleSet, rows: Row[], householdOf: (r: Row) => Household, programme: ProgrammeCode, county: string, year: number, previous: PlainLine[],
): PlainLine[] {
  const prev = new Map(previous.filter((l) => l.kind !== 'leaving').map((l) => [l.personId, l]));
  const line = (r: Row, kind: PlainLine['kind'], o: Outcome): PlainLine => ({
    programme, county, personId: r.id, area: r.hukou_area_code, kind, eligible: 1, reasons: o.reasons, scheme: o.scheme, amountFen: o.amountFen,
    split: o.split, ruleVersion: o.version, params: o.paramsUsed,
  });
  const out: PlainLine[] = [];
  for (const r of rows.filter((x) => x.hukou_area_code.startsWith(county))) {
    const o = evaluate(rules, programme, householdOf(r), county, year);
    if (o.eligible) out.push(line(r, prev.has(r.id) ? 'continuing' : 'new', o));
  }
  const now = new Set(out.map((l) => l.personId));
  for (const [id, before] of prev) {
    if (now.has(id)) continue;
    const r = rows.find((x) => x.id === id);
    const o = r ? evaluate(rules, programme, householdOf(r), county, year) : null;
    if (r && o?.eligible) { out.push(line(r, 'continuing', o)); continue; }
    const why = o ? o.reasons.filter((x) => LEAVING_REASONS.has(x)) : [];
    out.push({
      programme, county, personId: id, area: r && r.hukou_area_code.startsWith(county) ? r.hukou_area_code : before.area, kind: 'leaving', eligible: 0,
      reasons: o ? (why.length ? why : ['eligibility.no_longer', ...o.reasons]) : ['person.not_found'],
      scheme: o?.scheme ?? null, amountFen: 0, split: {}, ruleVersion: o?.version ?? null, params: null,
    });
  }
  return out;
}

/** Every line written for a year, in the test's terms. */
export async function writtenLines(db: Executor, year: number): Promise<PlainLine[]> {
  const rows = await db.selectFrom('benefit_lines as l').innerJoin('benefit_cycles as c', 'c.id', 'l.cycle_id')
    .leftJoin('benefit_param_sets as s', 's.id', 'l.param_set_id')
    .select(['c.programme', 'c.area_code as county', 'l.person_id', 'l.area_code', 'l.kind', 'l.eligible', 'l.reasons', 'l.scheme', 'l.amount_fen', 'l.split', 'l.rule_version', 's.content'])
    .where('c.year', '=', year).execute();
  return rows.map((l) => ({
    programme: l.programme, county: l.county, personId: l.person_id, area: l.area_code, kind: l.kind as PlainLine['kind'], eligible: Number(l.eligible),
    reasons: JSON.parse(l.reasons), scheme: l.scheme, amountFen: Number(l.amount_fen), split: JSON.parse(l.split), ruleVersion: l.rule_version,
    params: l.content ? JSON.parse(l.content) : null,
  }));
}

export const sortLines = (lines: PlainLine[]) => [...lines].sort((a, b) => (lineKey(a) < lineKey(b) ? -1 : lineKey(a) > lineKey(b) ? 1 : 0));
