// 奖励扶助: each parent aged 60+ in the year whose family has one living child, two living
// daughters (rural), or whose children all died; no birth outside the policy since 1973.
import { ageInYear, factTrue, livingAtYearStart, type Household } from '../household.ts';
import { baseChecks, chooseScheme, notEligible, ParamReader, yuanToFen, type EvalContext, type Outcome } from '../outcome.ts';
import type { ProgrammeVersion } from './version.ts';

function familyQualifies(h: Household, year: number, reasons: string[]): boolean {
  const living = livingAtYearStart(h.children, year);
  if (h.children.length === 0) { reasons.push('children.none'); return false; }
  if (living.length === 0) { reasons.push('children.none_living'); return true; }
  if (living.length === 1) { reasons.push('children.one'); return true; }
  if (living.length === 2 && living.every((c) => c.sex === 'F') && h.person.hukouType === 'rural') { reasons.push('children.two_daughters'); return true; }
  reasons.push('children.not_qualifying');
  return false;
}

function evaluate2004(h: Household, ec: EvalContext): Outcome {
  const V = '2004-01-01';
  const p = new ParamReader(ec, `${ec.year}-01-01`);
  const reasons = baseChecks(ec, h);
  const minAge = p.get<number>('min_age');
  const perYear = p.get<number>('amount_year_yuan');
  if (minAge === null || perYear === null) return notEligible(V, ['rule.not_in_force'], p.used);
  const age = ageInYear(h.person, ec.year);
  if (age < minAge) reasons.push('age.below');
  const why: string[] = [];
  if (!familyQualifies(h, ec.year, why)) reasons.push(...why);
  if (factTrue(h.facts, 'policy_violation')) reasons.push('policy.violation');
  if (reasons.length) return notEligible(V, reasons, p.used);
  const scheme = chooseScheme(ec, h, reasons);
  if (!scheme) return notEligible(V, reasons, p.used);
  const amount = p.layered('amount_year_yuan', scheme, yuanToFen)!;
  return {
    eligible: true, reasons: [age === minAge ? 'age.turned' : 'age.reached', ...why, `scheme.${scheme.id}`],
    scheme: scheme.id, amountFen: amount.fen, split: amount.split, paramsUsed: p.used, version: V,
  };
}

export const rewardAid: ProgrammeVersion[] = [{ from: '2004-01-01', evaluate: evaluate2004 }];
