// 独生子女父母奖励: each parent holding the honour certificate, for the months of the year before
// the month in which the only child reaches the age limit (14 under the older rules, then 18).
import { livingAtYearStart, monthIndex, yearOf, type Household } from '../household.ts';
import { baseChecks, chooseScheme, notEligible, ParamReader, yuanToFen, type EvalContext, type Outcome } from '../outcome.ts';
import type { ProgrammeVersion } from './version.ts';

function evaluate2004(h: Household, ec: EvalContext): Outcome {
  const V = '2004-07-01';
  const p = new ParamReader(ec, `${ec.year}-01-01`);
  const reasons = baseChecks(ec, h);
  const limit = p.get<number>('child_age_limit');
  if (limit === null || p.get<number>('monthly_yuan') === null) return notEligible(V, ['rule.not_in_force'], p.used);
  const living = livingAtYearStart(h.children, ec.year);
  if (h.children.length !== 1 || living.length !== 1) reasons.push('children.not_only_child');
  let months = 0;
  if (living.length === 1) {
    const c = living[0];
    const limitMonth = (yearOf(c.birthDate) + limit) * 12 + Number(c.birthDate.slice(5, 7)) - 1; // month of the birthday at the limit
    const first = Math.max(ec.year * 12, monthIndex(c.birthDate));
    const last = Math.min(ec.year * 12 + 11, limitMonth - 1);
    months = Math.max(0, last - first + 1);
    if (months === 0) reasons.push('child.over_age');
  }
  if (reasons.length) return notEligible(V, reasons, p.used);
  const scheme = chooseScheme(ec, h, reasons);
  if (!scheme) return notEligible(V, reasons, p.used);
  const amount = p.layered('monthly_yuan', scheme, (m) => yuanToFen(m * months))!;
  return { eligible: true, reasons: ['children.one', `months.${months}`], scheme: scheme.id, amountFen: amount.fen, split: amount.split, paramsUsed: p.used, version: V };
}

export const onlyChildParentReward: ProgrammeVersion[] = [{ from: '2004-07-01', evaluate: evaluate2004 }];
