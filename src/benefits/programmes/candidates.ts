// Who is worth evaluating for a programme in a run: a cheap superset of the eligible (every
// eligibility function still decides). Parents for the parents' programmes, young children for
// the childcare subsidy and the insurance, and people with the recorded fact for the others.
import { factTrue, type Facts } from '../household.ts';
import type { ProgrammeCode } from '../rules.ts';

export interface CandidateView {
  birthYear: number;
  hasChildren: boolean;
  facts: Facts;
}

export const CANDIDATES: Record<ProgrammeCode, (c: CandidateView, year: number) => boolean> = {
  rewardAid: (c) => c.hasChildren,
  specialAid: (c) => c.hasChildren,
  onlyChildParentReward: (c) => c.hasChildren,
  assistedHousehold: (c) => c.hasChildren && factTrue(c.facts, 'poor'),
  childcareSubsidy: (c, year) => c.birthYear >= year - 4 && c.birthYear <= year,
  accidentInsurance: (c, year) => (c.birthYear >= year - 8 && c.birthYear <= year) || factTrue(c.facts, 'surgery_recipient'),
  surgeryComplicationAid: (c) => factTrue(c.facts, 'surgery_complication_grade'),
};
