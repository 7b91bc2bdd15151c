import type { Household } from '../household.ts';
import type { EvalContext, Outcome } from '../outcome.ts';

/** One version of a programme's eligibility and amount rules, in force from a date. */
export interface ProgrammeVersion {
  from: string;
  evaluate(h: Household, ec: EvalContext): Outcome;
}

export function versionFor(versions: ProgrammeVersion[], year: number): ProgrammeVersion | null {
  const date = `${year}-01-01`;
  let best: ProgrammeVersion | null = null;
  for (const v of versions) if (v.from <= date && (!best || v.from > best.from)) best = v;
  return best;
}
