// What an eligibility function sees: a person, their spouse and children (and their parents'
// children, for "only child" questions), and the facts the registry cannot know (evidence).

export interface BenefitPerson {
  id: string;
  sex: 'M' | 'F';
  birthDate: string;
  deathDate: string | null;
  hukouType: 'rural' | 'urban' | null;
  hukouArea: string;
  disabilityGrade: number | null;
}

export type Facts = Record<string, unknown>;

export interface Household {
  person: BenefitPerson;
  spouse: BenefitPerson | null;
  /** Children of the person or of the spouse. */
  children: BenefitPerson[];
  /** Every child of the person's mother or father, the person included. */
  siblingsAndSelf: BenefitPerson[];
  facts: Facts;
}

export const yearOf = (date: string) => Number(date.slice(0, 4));
export const monthIndex = (date: string) => yearOf(date) * 12 + Number(date.slice(5, 7)) - 1;

/** Age reached during the year (the birthday year counts). */
export const ageInYear = (p: BenefitPerson, year: number) => year - yearOf(p.birthDate);

/** Alive on 1 January of the year: who dies during the year is still in that year's roster. */
export const aliveAtYearStart = (p: BenefitPerson, year: number) => !p.deathDate || p.deathDate >= `${year}-01-01`;

/** Died before the year began (deaths during the year count from the next year). */
export const diedBeforeYear = (p: BenefitPerson, year: number) => !!p.deathDate && p.deathDate < `${year}-01-01`;

export const livingAtYearStart = (people: BenefitPerson[], year: number) => people.filter((c) => aliveAtYearStart(c, year));

export function factTrue(facts: Facts, key: string): boolean {
  const v = facts[key];
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '';
}

/** The mother of a couple's children: the woman of the two. */
export function motherOf(h: Household): BenefitPerson | null {
  if (h.person.sex === 'F') return h.person;
  return h.spouse?.sex === 'F' ? h.spouse : null;
}
