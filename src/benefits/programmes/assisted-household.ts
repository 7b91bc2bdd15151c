// 三结合帮扶户: a family-planning household (at most one living child, two daughters, or a
// bereaved family) designated as poor (evidence) gets targeted help in kind; no cash.
import { livingAtYearStart, type Household } from '../household.ts';
import { baseChecks, chooseScheme, notEligible, ParamReader, type EvalContext, type Outcome } from '../outcome.ts';
import type { ProgrammeVersion } from './version.ts';

function evaluate2004(h: Household, ec: EvalContext): Outcome {
  const V = '2004-01-01';
  const p = new ParamReader(ec, `${ec.year}-01-01`);
  const maxLiving = p.get<number>('max_living_children');
  if (maxLiving === null) return notEligible(V, ['rule.not_in_force'], p.used);
  const reasons = baseChecks(ec, h);
  const living = livingAtYearStart(h.children, ec.year);
  const twoDaughters = living.length === 2 && living.every((c) => c.sex === 'F');
  if (h.children.length === 0 || (living.length > maxLiving && !twoDaughters)) reasons.push('children.not_qualifying');
  if (reasons.length) return notEligible(V, reasons, p.used);
  const scheme = chooseScheme(ec, h, reasons);
  if (!scheme) return notEligible(V, reasons, p.used);
  return { eligible: true, reasons: ['household.designated'], scheme: scheme.id, amountFen: 0, split: {}, paramsUsed: p.used, version: V };
}

export const assistedHousehold: ProgrammeVersion[] = [{ from: '2004-01-01', evaluate: evaluate2004 }];
