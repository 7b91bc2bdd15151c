// 意外伤害保险: the office insures every only child aged 0–6 at the start of the year, and every
// family-planning surgery recipient (evidence); the amount is the premium paid to the insurer.
import { factTrue, yearOf, type Household } from '../household.ts';
import { baseChecks, chooseScheme, notEligible, ParamReader, yuanToFen, type EvalContext, type Outcome } from '../outcome.ts';
import type { ProgrammeVersion } from './version.ts';

function evaluate2013(h: Household, ec: EvalContext): Outcome {
  const V = '2013-01-01';
  const p = new ParamReader(ec, `${ec.year}-01-01`);
  const maxAge = p.get<number>('max_child_age');
  if (maxAge === null || p.get<number>('premium_yuan') === null) return notEligible(V, ['rule.not_in_force'], p.used);
  const reasons = baseChecks(ec, h);
  const surgery = factTrue(h.facts, 'surgery_recipient');
  // completed years on 1 January (a child born during the year is insured from birth: -1)
  const age = ec.year - yearOf(h.person.birthDate) - (h.person.birthDate.slice(5) === '01-01' ? 0 : 1);
  const onlyChild = h.siblingsAndSelf.length === 1;
  const insuredChild = onlyChild && age >= -1 && age <= maxAge;
  if (!surgery && !insuredChild) reasons.push(onlyChild ? 'child.over_age' : 'children.not_only_child');
  if (reasons.length) return notEligible(V, reasons, p.used);
  const scheme = chooseScheme(ec, h, reasons);
  if (!scheme) return notEligible(V, reasons, p.used);
  const amount = p.layered('premium_yuan', scheme, yuanToFen)!;
  return { eligible: true, reasons: [surgery ? 'insured.surgery_recipient' : 'insured.only_child'], scheme: scheme.id, amountFen: amount.fen, split: amount.split, paramsUsed: p.used, version: V };
}

export const accidentInsurance: ProgrammeVersion[] = [{ from: '2013-01-01', evaluate: evaluate2013 }];
