// Builds households (households.ts of the domain) from registry rows held in memory, with the
// facts recorded as evidence merged in.
import type { BenefitPerson, Facts, Household } from './household.ts';
import type { PersonFactsRow } from './registry-facts.repository.ts';

export function toBenefitPerson(r: PersonFactsRow): BenefitPerson {
  return {
    id: r.id, sex: r.sex, birthDate: r.birth_date, deathDate: r.death_date, hukouType: r.hukou_type,
    hukouArea: r.hukou_area_code, disabilityGrade: r.disability_grade,
  };
}

const NO_CHILDREN = Object.freeze({ count: 0, diedOrDisabled: false });

/** What the candidate filters know of a person's children (own and the spouse's, as in `household`). */
export interface ChildStats {
  count: number;
  diedOrDisabled: boolean;
  /** Children alive on 1 January of the year, and how many of them are daughters. */
  living: number;
  livingDaughters: number;
}

export class HouseholdIndex {
  private readonly byId = new Map<string, PersonFactsRow>();
  private readonly people = new Map<string, BenefitPerson>();
  private readonly childrenOf = new Map<string, string[]>();

  constructor(rows: Iterable<PersonFactsRow>, private readonly facts: Map<string, Facts> = new Map()) {
    for (const r of rows) this.add(r);
  }

  add(r: PersonFactsRow): void {
    if (this.byId.has(r.id)) return;
    this.byId.set(r.id, r);
    if (r.mother_id) this.addChild(r.mother_id, r.id);
    if (r.father_id) this.addChild(r.father_id, r.id);
  }

  private addChild(parent: string, child: string): void {
    const list = this.childrenOf.get(parent);
    if (list) list.push(child); else this.childrenOf.set(parent, [child]);
  }

  row(id: string): PersonFactsRow | undefined {
    return this.byId.get(id);
  }

  /** How many children the person (or the spouse) has, and whether one of them died or is disabled. */
  childSummary(id: string): { count: number; diedOrDisabled: boolean } {
    const r = this.byId.get(id);
    const own = this.childrenOf.get(id);
    const spouse = r?.spouse_id ? this.childrenOf.get(r.spouse_id) : undefined;
    if (!own && !spouse) return NO_CHILDREN;
    let count = 0;
    let diedOrDisabled = false;
    const visit = (c: string) => {
      count++;
      const row = this.byId.get(c)!;
      if (row.death_date || row.disability_grade !== null) diedOrDisabled = true;
    };
    if (own) for (const c of own) visit(c);
    if (spouse) for (const c of spouse) if (!own || !own.includes(c)) visit(c);
    return { count, diedOrDisabled };
  }

  /** `childSummary` with the living children at `yearStart` (YYYY-01-01), written into `into`. */
  childStats(id: string, yearStart: string, into: ChildStats): ChildStats {
    into.count = 0;
    into.diedOrDisabled = false;
    into.living = 0;
    into.livingDaughters = 0;
    const r = this.byId.get(id);
    const own = this.childrenOf.get(id);
    const spouse = r?.spouse_id ? this.childrenOf.get(r.spouse_id) : undefined;
    if (own) for (const c of own) this.count(c, yearStart, into);
    if (spouse) for (const c of spouse) if (!own || !own.includes(c)) this.count(c, yearStart, into);
    return into;
  }

  private count(c: string, yearStart: string, into: ChildStats): void {
    const row = this.byId.get(c)!;
    into.count++;
    if (row.death_date || row.disability_grade !== null) into.diedOrDisabled = true;
    if (!row.death_date || row.death_date >= yearStart) {
      into.living++;
      if (row.sex === 'F') into.livingDaughters++;
    }
  }

  /** Whether the person is the only child of their mother and father (as `siblingsAndSelf` counts). */
  onlyChild(id: string): boolean {
    const r = this.byId.get(id)!;
    for (const parent of [r.mother_id, r.father_id]) {
      const list = parent ? this.childrenOf.get(parent) : undefined;
      if (list) for (const c of list) if (c !== id) return false;
    }
    return true;
  }

  private person(id: string): BenefitPerson {
    let p = this.people.get(id);
    if (!p) this.people.set(id, (p = toBenefitPerson(this.byId.get(id)!)));
    return p;
  }

  /** Ids of two lists without repeats (most lists are short or empty; no Set unless needed). */
  private union(a: string[] | undefined, b: string[] | undefined): string[] {
    if (!b?.length) return a ?? [];
    if (!a?.length) return b;
    const out = [...a];
    for (const x of b) if (!out.includes(x)) out.push(x);
    return out;
  }

  household(id: string): Household {
    const r = this.byId.get(id)!;
    const spouse = r.spouse_id && this.byId.has(r.spouse_id) ? this.person(r.spouse_id) : null;
    const childIds = this.union(this.childrenOf.get(id), r.spouse_id ? this.childrenOf.get(r.spouse_id) : undefined);
    const siblings = this.union(r.mother_id ? this.childrenOf.get(r.mother_id) : undefined, r.father_id ? this.childrenOf.get(r.father_id) : undefined);
    return {
      person: this.person(id),
      spouse,
      children: childIds.map((c) => this.person(c)),
      siblingsAndSelf: siblings.includes(id) ? siblings.map((c) => this.person(c)) : [this.person(id), ...siblings.map((c) => this.person(c))],
      facts: this.facts.get(id) ?? {},
    };
  }
}
