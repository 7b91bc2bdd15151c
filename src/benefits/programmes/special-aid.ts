// 特别扶助: each parent of an only child who died (before the year) or is disabled grade 1–3,
// once the mother is 49 or older in the year; no further birth or adoption. From 2014 the
// national rates differ for urban and rural hukou.
import { ageInYear, diedBeforeYear, factTrue, motherOf, type Household } from '../household.ts';
import { baseChecks, chooseScheme, notEligible, ParamReader, yuanToFen, type EvalContext, type Outcome } from '../outcome.ts';
import type { ProgrammeVersion } from './version.ts';

type Kind = 'died' | 'disabled';

function childKind(h: Household, year: number, maxGrade: number, reasons: string[]): Kind | null {
  if (h.children.length !== 1 || factTrue(h.facts, 'adopted_after')) { reasons.push('children.not_only_child'); return null; }
  const c = h.children[0];
  if (diedBeforeYear(c, year)) return 'died';
  if (c.deathDate) { reasons.push('child.died_this_year'); return null; }
  if (c.disabilityGrade !== null && c.disabilityGrade <= maxGrade) return 'disabled';
  reasons.push(c.disabilityGrade !== null ? 'child.disability_grade_too_low' : 'child.not_died_or_disabled');
  return null;
}

function make(version: string, byHukou: boolean) {
  return (h: Household, ec: EvalContext): Outcome => {
    const p = new ParamReader(ec, `${ec.year}-01-01`);
    const reasons = baseChecks(ec, h);
    const minAge = p.get<number>('min_age_mother');
    const maxGrade = p.get<number>('max_disability_grade');
    if (minAge === null || maxGrade === null) return notEligible(version, ['rule.not_in_force'], p.used);
    const mother = motherOf(h);
    if (!mother || ageInYear(mother, ec.year) < minAge) reasons.push('mother.age_below');
    const kind = childKind(h, ec.year, maxGrade, reasons);
    if (reasons.length || !kind) return notEligible(version, reasons, p.used);
    const scheme = chooseScheme(ec, h, reasons);
    if (!scheme) return notEligible(version, reasons, p.used);
    const area = byHukou ? (h.person.hukouType === 'rural' ? 'rural' : 'urban') : 'urban';
    const amount = p.layered(`monthly_${kind}_${area}_yuan`, scheme, (m) => yuanToFen(m * 12));
    if (!amount) return notEligible(version, ['rule.not_in_force'], p.used);
    return {
      eligible: true, reasons: [kind === 'died' ? 'child.died' : 'child.disabled', ...(byHukou ? [`hukou.${area}`] : [])],
      scheme: scheme.id, amountFen: amount.fen, split: amount.split, paramsUsed: p.used, version,
    };
  };
}

export const specialAid: ProgrammeVersion[] = [
  // Before 2014 one national rate for urban and rural parents alike (the urban series holds it).
  { from: '2008-01-01', evaluate: make('2008-01-01', false) },
  { from: '2014-01-01', evaluate: make('2014-01-01', true) },
];
