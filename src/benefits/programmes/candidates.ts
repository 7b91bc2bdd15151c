// Who is worth evaluating for a programme in a run: a cheap superset of the eligible (every
// eligibility function still decides). Parents for the parents' programmes, young children for
// the childcare subsidy and the insurance, and people with the recorded fact for the others.
import { factTrue, type Facts } from '../household.ts';
import type { ProgrammeCode, ProgrammeRules } from '../rules.ts';

export interface CandidateView {
  birthYear: number;
  children: { count: number; diedOrDisabled: boolean };
  facts: Facts;
  /** A numeric parameter of the programme in force (null when none). */
  param(name: string): number | null;
}

export const CANDIDATES: Record<ProgrammeCode, (c: CandidateView, year: number) => boolean> = {
  rewardAid: (c, year) => c.children.count > 0 && year - c.birthYear >= (c.param('min_age') ?? 0),
  // Either parent qualifies by the mother's age, so only the children are checked here.
  specialAid: (c) => c.children.count === 1 && c.children.diedOrDisabled,
  onlyChildParentReward: (c) => c.children.count === 1,
  assistedHousehold: (c) => c.children.count > 0 && factTrue(c.facts, 'poor'),
  childcareSubsidy: (c, year) => c.birthYear >= year - 4 && c.birthYear <= year,
  accidentInsurance: (c, year) => (c.birthYear >= year - 8 && c.birthYear <= year) || factTrue(c.facts, 'surgery_recipient'),
  surgeryComplicationAid: (c) => factTrue(c.facts, 'surgery_complication_grade'),
};

/** When every scheme of a programme needs a recorded fact, only people with one of them can qualify. */
export function neededFacts(rules: ProgrammeRules): string[] | null {
  const facts = rules.schemes.map((s) => s.requires.fact);
  return facts.every((f): f is string => !!f) ? [...new Set(facts)] : null;
}
