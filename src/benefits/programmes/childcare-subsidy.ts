// 育儿补贴: every child under 3, per month of the year from the month after birth up to and
// including the month of the third birthday, never before the first month (2025-01); a child who
// dies during the year gets the months up to the month of death.
import { monthIndex, yearOf, type BenefitPerson, type Household } from '../household.ts';
import { baseChecks, chooseScheme, notEligible, ParamReader, yuanToFen, type EvalContext, type Outcome } from '../outcome.ts';
import type { ProgrammeVersion } from './version.ts';

/** Eligible months of a child within [fromMonth, toMonth] (month indexes, inclusive). */
export function childcareMonths(child: Pick<BenefitPerson, 'birthDate' | 'deathDate'>, ageLimit: number, firstMonth: string, fromMonth: number, toMonth: number): number {
  const born = monthIndex(child.birthDate);
  const birthdayMonth = (yearOf(child.birthDate) + ageLimit) * 12 + Number(child.birthDate.slice(5, 7)) - 1;
  const first = Math.max(born + 1, monthIndex(`${firstMonth}-01`), fromMonth);
  let last = Math.min(birthdayMonth, toMonth);
  if (child.deathDate) last = Math.min(last, monthIndex(child.deathDate));
  return Math.max(0, last - first + 1);
}

function evaluate2025(h: Household, ec: EvalContext): Outcome {
  const V = '2025-01-01';
  const p = new ParamReader(ec, `${ec.year}-01-01`);
  const perYear = p.get<number>('amount_year_yuan');
  const ageLimit = p.get<number>('age_limit_years');
  const firstMonth = p.get<string>('first_month');
  if (perYear === null || ageLimit === null || firstMonth === null) return notEligible(V, ['rule.not_in_force'], p.used);
  const reasons = baseChecks(ec, h);
  const months = childcareMonths(h.person, ageLimit, firstMonth, ec.year * 12, ec.year * 12 + 11);
  if (months === 0) reasons.push(yearOf(h.person.birthDate) > ec.year ? 'child.not_born' : 'child.over_age');
  if (reasons.length) return notEligible(V, reasons, p.used);
  const scheme = chooseScheme(ec, h, reasons);
  if (!scheme) return notEligible(V, reasons, p.used);
  const amount = p.layered('amount_year_yuan', scheme, (y) => yuanToFen((y / 12) * months))!;
  return { eligible: true, reasons: ['child.under_age', `months.${months}`], scheme: scheme.id, amountFen: amount.fen, split: amount.split, paramsUsed: p.used, version: V };
}

export const childcareSubsidy: ProgrammeVersion[] = [{ from: '2025-01-01', evaluate: evaluate2025 }];
