// Builds households (household.ts of the domain) from registry facts held by position
// (person-columns.ts), with the facts recorded as evidence merged in. Children are found by the
// parent's id whether or not the parent was read: siblings whose mother lives elsewhere still
// find each other.
//
// A marriage recorded on either side is a marriage: a person's spouse is the one their own record
// names; a person whose record names nobody is married to the person read whose record names them
// (when several do, the smallest id: the first recorded). The rule depends only on the records
// read, not on the order they were added; relativesOutside reads what it needs.
import type { BenefitPerson, Facts, Household } from './household.ts';
import { PersonColumns } from './person-columns.ts';
import type { PersonFacts } from './registry-facts.repository.ts';

/** What the candidate filters know of a person's children (own and the spouse's, as in `household`). */
export interface ChildStats {
  count: number;
  diedOrDisabled: boolean;
  /** Children alive on 1 January of the year, and how many of them are daughters. */
  living: number;
  livingDaughters: number;
}

const EMPTY = new Int32Array(0);

export class HouseholdIndex {
  private readonly p = new PersonColumns();
  /** Children by parent position, in the order the children were added (CSR: `kids` from `first[k]` to `first[k + 1]`). */
  private first = EMPTY;
  private kids = EMPTY;
  /** The spouse by the rule above, by position (-1: none). */
  private mate = EMPTY;
  private linked = 0;
  /** Positions named as spouse by a person added (1), built again when persons were added since. */
  private named = new Uint8Array(0);
  private namedAt = -1;

  constructor(private readonly facts: Map<string, Facts> = new Map()) {}

  /** Adds a person (a repeated id is ignored, answering -1); answers the position. */
  add(person: PersonFacts): number {
    return this.p.add(person);
  }

  has(id: string): boolean {
    return this.p.find(id) >= 0;
  }

  /** The position of a person added, or -1. */
  find(id: string): number {
    return this.p.find(id);
  }

  id(k: number): string {
    return this.p.ids[k];
  }

  /** Where the person is registered (hukou area code). */
  area(k: number): string {
    return this.p.areas.values[this.p.area[k]];
  }

  /** The year of birth (as `Number(birthDate.slice(0, 4))`). */
  birthYear(k: number): number {
    return this.p.dates.year(this.p.birth[k]);
  }

  /** Positions named as spouse by someone added (1). */
  private namedPositions(): Uint8Array {
    const { p } = this;
    if (this.namedAt !== p.count) {
      const named = new Uint8Array(p.size);
      for (let i = 0; i < p.count; i++) { const s = p.spouse[p.order[i]]; if (s >= 0) named[s] = 1; }
      this.named = named;
      this.namedAt = p.count;
    }
    return this.named;
  }

  /** Whether someone added names `id` as their spouse (before relatives are added: someone of the area). */
  namedAsSpouse(id: string): boolean {
    const named = this.namedPositions();
    const k = this.p.positionIfAny(id);
    return k >= 0 && k < named.length && named[k] === 1;
  }

  /** Whether the person added with this id names a spouse in their own record. */
  namesSpouse(id: string): boolean {
    const k = this.p.find(id);
    return k >= 0 && this.p.spouse[k] >= 0;
  }

  /** The ids named as spouse by someone added who were not added themselves (spouses living elsewhere). */
  spousesNotAdded(): string[] {
    const named = this.namedPositions();
    const out: string[] = [];
    for (let k = 0; k < named.length; k++) if (named[k] === 1 && this.p.loaded[k] !== 1) out.push(this.p.ids[k]);
    return out;
  }

  /** The ids of the persons added whose own record names no spouse. */
  namingNobody(): string[] {
    const { p } = this;
    const out: string[] = [];
    for (let i = 0; i < p.count; i++) if (p.spouse[p.order[i]] < 0) out.push(p.ids[p.order[i]]);
    return out;
  }

  /** Children lists and spouses over every position, built again only when persons were added since. */
  private link(): void {
    const { p } = this;
    if (this.linked === p.count && this.first.length === p.size + 1) return;
    const n = p.size;
    const first = new Int32Array(n + 1);
    const { order, mother, father } = p;
    for (let i = 0; i < p.count; i++) {
      const c = order[i];
      if (mother[c] >= 0) first[mother[c] + 1]++;
      if (father[c] >= 0) first[father[c] + 1]++;
    }
    for (let k = 0; k < n; k++) first[k + 1] += first[k];
    const next = first.slice(0, n);
    const kids = new Int32Array(first[n]);
    for (let i = 0; i < p.count; i++) {
      const c = order[i];
      if (mother[c] >= 0) kids[next[mother[c]]++] = c;
      if (father[c] >= 0) kids[next[father[c]]++] = c;
    }
    this.first = first;
    this.kids = kids;
    this.mate = this.mates();
    this.linked = p.count;
  }

  /** Each person's own spouse; for those naming nobody, the smallest id among the persons naming them. */
  private mates() {
    const { p } = this;
    const { order, spouse, loaded, ids } = p;
    const mate = new Int32Array(p.size).fill(-1);
    for (let i = 0; i < p.count; i++) mate[order[i]] = spouse[order[i]];
    for (let i = 0; i < p.count; i++) {
      const b = order[i];
      const a = spouse[b];
      if (a < 0 || loaded[a] !== 1 || spouse[a] >= 0) continue;
      if (mate[a] < 0 || ids[b] < ids[mate[a]]) mate[a] = b;
    }
    return mate;
  }

  /** Whether child `c` is in the children list of position `k` (k may be -1: no list). */
  private isChildOf(c: number, k: number): boolean {
    if (k < 0) return false;
    for (let i = this.first[k]; i < this.first[k + 1]; i++) if (this.kids[i] === c) return true;
    return false;
  }

  /** The person's (and the spouse's) children, living ones at `yearStart` (YYYY-01-01), written into `into`. */
  childStats(k: number, yearStart: string, into: ChildStats): ChildStats {
    this.link();
    into.count = 0;
    into.diedOrDisabled = false;
    into.living = 0;
    into.livingDaughters = 0;
    const { first, kids } = this;
    for (let i = first[k]; i < first[k + 1]; i++) this.count(kids[i], yearStart, into);
    const s = this.mate[k];
    if (s >= 0) for (let i = first[s]; i < first[s + 1]; i++) if (!this.isChildOf(kids[i], k)) this.count(kids[i], yearStart, into);
    return into;
  }

  private count(c: number, yearStart: string, into: ChildStats): void {
    const { p } = this;
    const death = p.dates.text(p.death[c]);
    into.count++;
    if (death || p.disability[c] >= 0) into.diedOrDisabled = true;
    if (!death || death >= yearStart) {
      into.living++;
      if (p.sexes.values[p.sex[c]] === 'F') into.livingDaughters++;
    }
  }

  /** Whether the person is the only child of their mother and father (as `siblingsAndSelf` counts). */
  onlyChild(k: number): boolean {
    this.link();
    return this.onlyChildOf(k, this.p.mother[k]) && this.onlyChildOf(k, this.p.father[k]);
  }

  private onlyChildOf(k: number, parent: number): boolean {
    if (parent >= 0) for (let i = this.first[parent]; i < this.first[parent + 1]; i++) if (this.kids[i] !== k) return false;
    return true;
  }

  private person(k: number): BenefitPerson {
    const { p } = this;
    const grade = p.disability[k];
    return {
      id: p.ids[k], sex: p.sexes.values[p.sex[k]], birthDate: p.dates.text(p.birth[k])!, deathDate: p.dates.text(p.death[k]),
      hukouType: p.hukouTypes.value(p.hukouType[k]), hukouArea: p.areas.values[p.area[k]], disabilityGrade: grade < 0 ? null : grade,
    };
  }

  /** The children list of `a`, then those of `b` not in it yet (either may be -1: no list). */
  private union(a: number, b: number): number[] {
    const { first, kids } = this;
    const out: number[] = [];
    if (a >= 0) for (let i = first[a]; i < first[a + 1]; i++) out.push(kids[i]);
    const dedupe = out.length > 0;
    if (b >= 0) for (let i = first[b]; i < first[b + 1]; i++) if (!dedupe || !out.includes(kids[i])) out.push(kids[i]);
    return out;
  }

  household(k: number): Household {
    this.link();
    const { p } = this;
    const spouse = this.mate[k];
    const siblings = this.union(p.mother[k], p.father[k]);
    return {
      person: this.person(k),
      spouse: spouse >= 0 && p.loaded[spouse] === 1 ? this.person(spouse) : null,
      children: this.union(k, spouse).map((c) => this.person(c)),
      siblingsAndSelf: (siblings.includes(k) ? siblings : [k, ...siblings]).map((c) => this.person(c)),
      facts: this.facts.get(p.ids[k]) ?? {},
    };
  }
}
