// Every programme's eligibility versions, and the single entry point that picks the version in
// force for the year.
import type { Household } from '../household.ts';
import { notEligible, type Outcome } from '../outcome.ts';
import type { ProgrammeCode, RuleSet } from '../rules.ts';
import { accidentInsurance } from './accident-insurance.ts';
import { assistedHousehold } from './assisted-household.ts';
import { childcareSubsidy } from './childcare-subsidy.ts';
import { onlyChildParentReward } from './only-child-parent-reward.ts';
import { rewardAid } from './reward-aid.ts';
import { specialAid } from './special-aid.ts';
import { surgeryComplicationAid } from './surgery-complication-aid.ts';
import { versionFor, type ProgrammeVersion } from './version.ts';

export const VERSIONS: Record<ProgrammeCode, ProgrammeVersion[]> = {
  rewardAid, specialAid, surgeryComplicationAid, onlyChildParentReward, childcareSubsidy, accidentInsurance, assistedHousehold,
};

export function evaluate(rules: RuleSet, programme: ProgrammeCode, h: Household, jurisdiction: string, year: number): Outcome {
  const v = versionFor(VERSIONS[programme], year);
  if (!v) return notEligible('', ['rule.not_in_force']);
  return v.evaluate(h, { rules: rules[programme], jurisdiction, year });
}
