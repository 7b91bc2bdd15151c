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
  /** Children by parent id, as rows (each row is added once, so identity stands for the id). */
  private readonly childrenOf = new Map<string, PersonFactsRow[]>();

  constructor(rows: Iterable<PersonFactsRow>, private readonly facts: Map<string, Facts> = new Map()) {
    for (const r of rows) this.add(r);
  }

  add(r: PersonFactsRow): void {
    if (this.byId.has(r.id)) return;
    this.byId.set(r.id, r);
    if (r.mother_id) this.addChild(r.mother_id, r);
    if (r.father_id) this.addChild(r.father_id, r);
  }

  private addChild(parent: string, child: PersonFactsRow): void {
    const list = this.childrenOf.get(parent);
    if (list) list.push(child); else this.childrenOf.set(parent, [child]);
  }

  row(id: string): PersonFactsRow | undefined {
    return this.byId.get(id);
  }

  /** The person's (and the spouse's) children, living ones at `yearStart` (YYYY-01-01), written into `into`. */
  childStats(r: PersonFactsRow, yearStart: string, into: ChildStats): ChildStats {
    into.count = 0;
    into.diedOrDisabled = false;
    into.living = 0;
    into.livingDaughters = 0;
    const own = this.childrenOf.get(r.id);
    const spouse = r.spouse_id ? this.childrenOf.get(r.spouse_id) : undefined;
    if (own) for (const c of own) count(c, yearStart, into);
    if (spouse) for (const c of spouse) if (!own || !own.includes(c)) count(c, yearStart, into);
    return into;
  }

  /** Whether the person is the only child of their mother and father (as `siblingsAndSelf` counts). */
  onlyChild(id: string): boolean {
    const r = this.byId.get(id)!;
    const mothers = r.mother_id ? this.childrenOf.get(r.mother_id) : undefined;
    const fathers = r.father_id ? this.childrenOf.get(r.father_id) : undefined;
    if (mothers) for (const c of mothers) if (c !== r) return false;
    if (fathers) for (const c of fathers) if (c !== r) return false;
    return true;
  }

  private person(r: PersonFactsRow): BenefitPerson {
    let p = this.people.get(r.id);
    if (!p) this.people.set(r.id, (p = toBenefitPerson(r)));
    return p;
  }

  /** Rows of two lists without repeats (most lists are short or empty; no Set unless needed). */
  private union(a: PersonFactsRow[] | undefined, b: PersonFactsRow[] | undefined): PersonFactsRow[] {
    if (!b?.length) return a ?? [];
    if (!a?.length) return b;
    const out = [...a];
    for (const x of b) if (!out.includes(x)) out.push(x);
    return out;
  }

  household(id: string): Household {
    const r = this.byId.get(id)!;
    const spouseRow = r.spouse_id ? this.byId.get(r.spouse_id) : undefined;
    const children = this.union(this.childrenOf.get(id), r.spouse_id ? this.childrenOf.get(r.spouse_id) : undefined);
    const siblings = this.union(r.mother_id ? this.childrenOf.get(r.mother_id) : undefined, r.father_id ? this.childrenOf.get(r.father_id) : undefined);
    return {
      person: this.person(r),
      spouse: spouseRow ? this.person(spouseRow) : null,
      children: children.map((c) => this.person(c)),
      siblingsAndSelf: siblings.includes(r) ? siblings.map((c) => this.person(c)) : [this.person(r), ...siblings.map((c) => this.person(c))],
      facts: this.facts.get(id) ?? {},
    };
  }
}

function count(row: PersonFactsRow, yearStart: string, into: ChildStats): void {
  into.count++;
  if (row.death_date || row.disability_grade !== null) into.diedOrDisabled = true;
  if (!row.death_date || row.death_date >= yearStart) {
    into.living++;
    if (row.sex === 'F') into.livingDaughters++;
  }
}
