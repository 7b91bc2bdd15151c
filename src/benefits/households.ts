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
    for (const parent of [r.mother_id, r.father_id]) {
      if (!parent) continue;
      const list = this.childrenOf.get(parent);
      if (list) list.push(r.id); else this.childrenOf.set(parent, [r.id]);
    }
  }

  row(id: string): PersonFactsRow | undefined {
    return this.byId.get(id);
  }

  hasChildren(id: string): boolean {
    const r = this.byId.get(id);
    return this.childrenOf.has(id) || (!!r?.spouse_id && this.childrenOf.has(r.spouse_id));
  }

  private person(id: string): BenefitPerson {
    let p = this.people.get(id);
    if (!p) this.people.set(id, (p = toBenefitPerson(this.byId.get(id)!)));
    return p;
  }

  household(id: string): Household {
    const r = this.byId.get(id)!;
    const spouse = r.spouse_id && this.byId.has(r.spouse_id) ? this.person(r.spouse_id) : null;
    const childIds = new Set([...(this.childrenOf.get(id) ?? []), ...(r.spouse_id ? this.childrenOf.get(r.spouse_id) ?? [] : [])]);
    const siblingIds = new Set([id, ...(r.mother_id ? this.childrenOf.get(r.mother_id) ?? [] : []), ...(r.father_id ? this.childrenOf.get(r.father_id) ?? [] : [])]);
    return {
      person: this.person(id),
      spouse,
      children: [...childIds].map((c) => this.person(c)),
      siblingsAndSelf: [...siblingIds].map((c) => this.person(c)),
      facts: this.facts.get(id) ?? {},
    };
  }
}
