// Who is worth evaluating for a programme in a run: a cheap superset of the eligible (every
// eligibility function still decides). Parents for the parents' programmes, young children for
// the childcare subsidy and the insurance, and people with the recorded fact for the others.
import { factTrue, type Facts } from '../household.ts';
import type { ProgrammeCode, ProgrammeRules } from '../rules.ts';

export interface CandidateView {
  birthYear: number;
  /** The children of the person or the spouse; living: alive on 1 January of the year. */
  children: { count: number; diedOrDisabled: boolean; living: number; livingDaughters: number };
  /** No other child of the person's mother or father. */
  onlyChild(): boolean;
  facts: Facts;
  /** A numeric parameter of the programme in force (null when none). */
  param(name: string): number | null;
}

export const CANDIDATES: Record<ProgrammeCode, (c: CandidateView, year: number) => boolean> = {
  // One living child, none living, or two living daughters.
  rewardAid: (c, year) => c.children.count > 0 && year - c.birthYear >= (c.param('min_age') ?? 0)
    && (c.children.living <= 1 || (c.children.living === 2 && c.children.livingDaughters === 2)),
  // Either parent qualifies by the mother's age, so only the children are checked here.
  specialAid: (c) => c.children.count === 1 && c.children.diedOrDisabled,
  onlyChildParentReward: (c) => c.children.count === 1 && c.children.living === 1,
  assistedHousehold: (c) => c.children.count > 0 && factTrue(c.facts, 'poor'),
  childcareSubsidy: (c, year) => c.birthYear >= year - 4 && c.birthYear <= year,
  accidentInsurance: (c, year) => (c.birthYear >= year - 8 && c.birthYear <= year && c.onlyChild()) || factTrue(c.facts, 'surgery_recipient'),
  surgeryComplicationAid: (c) => factTrue(c.facts, 'surgery_complication_grade'),
};

/** When every scheme of a programme needs a recorded fact, only people with one of them can qualify. */
export function neededFacts(rules: ProgrammeRules): string[] | null {
  const facts = rules.schemes.map((s) => s.requires.fact);
  return facts.every((f): f is string => !!f) ? [...new Set(facts)] : null;
}
