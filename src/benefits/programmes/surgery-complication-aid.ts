// 手术并发症特别扶助: a certified grade 1–3 complication of a family-planning operation (evidence).
import type { Household } from '../household.ts';
import { baseChecks, chooseScheme, notEligible, ParamReader, yuanToFen, type EvalContext, type Outcome } from '../outcome.ts';
import type { ProgrammeVersion } from './version.ts';

function evaluate2011(h: Household, ec: EvalContext): Outcome {
  const V = '2011-01-01';
  const p = new ParamReader(ec, `${ec.year}-01-01`);
  const reasons = baseChecks(ec, h);
  const grade = Number(h.facts.surgery_complication_grade ?? 0);
  if (![1, 2, 3].includes(grade)) reasons.push('fact.missing.surgery_complication_grade');
  if (reasons.length) return notEligible(V, reasons, p.used);
  const scheme = chooseScheme(ec, h, reasons);
  if (!scheme) return notEligible(V, reasons, p.used);
  const amount = p.layered(`monthly_grade${grade}_yuan`, scheme, (m) => yuanToFen(m * 12));
  if (!amount) return notEligible(V, ['rule.not_in_force'], p.used);
  return { eligible: true, reasons: [`complication.grade${grade}`], scheme: scheme.id, amountFen: amount.fen, split: amount.split, paramsUsed: p.used, version: V };
}

export const surgeryComplicationAid: ProgrammeVersion[] = [{ from: '2011-01-01', evaluate: evaluate2011 }];
