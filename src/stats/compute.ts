// From counts to measures to indicator values: pure, the same for every area and period.
import type { Sex } from '../platform/db/schema.ts';
import { classifyBirth, policyAppliesWithin } from './birth-policy.ts';
import type { IndicatorDefinition } from './definitions.ts';
import { evaluate } from './expression.ts';
import { annualisationFactor, type Period } from './periods.ts';

/** Births or deaths of one area, day, sex and parity (parity only on births). */
export interface VitalRow { kind: 'birth' | 'death'; area: string; date: string; sex: Sex; parity: number | null; n: number }

export interface AreaCounts { populationStart: number; populationEnd: number; vital: VitalRow[] }

export type Reason = 'no_data' | 'not_applicable' | 'zero_denominator';

export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason?: Reason;
  normalRange?: [number, number];
}

export interface Measures {
  values: Record<string, number>;
  /** Measures that do not apply to the period (a reason rather than a number). */
  notApplicable: Set<string>;
}

export function measuresOf(c: AreaCounts, period: Period, extra: Record<string, number> = {}): Measures {
  const v: Record<string, number> = {
    population_start: c.populationStart,
    population_end: c.populationEnd,
    mean_population: (c.populationStart + c.populationEnd) / 2,
    births: 0, births_male: 0, births_female: 0, births_parity_1: 0, births_parity_2: 0, births_parity_3plus: 0, births_parity_unknown: 0,
    births_compliant: 0, births_noncompliant: 0, births_classified: 0,
    deaths: 0, deaths_male: 0, deaths_female: 0,
    ...extra,
  };
  for (const r of c.vital) {
    if (r.kind === 'death') {
      v.deaths += r.n;
      v[r.sex === 'M' ? 'deaths_male' : 'deaths_female'] += r.n;
      continue;
    }
    v.births += r.n;
    v[r.sex === 'M' ? 'births_male' : 'births_female'] += r.n;
    v[r.parity === null || r.parity < 1 ? 'births_parity_unknown' : r.parity === 1 ? 'births_parity_1' : r.parity === 2 ? 'births_parity_2' : 'births_parity_3plus'] += r.n;
    const cls = classifyBirth(r.date, r.parity);
    if (cls === 'compliant') { v.births_compliant += r.n; v.births_classified += r.n; }
    if (cls === 'noncompliant') { v.births_noncompliant += r.n; v.births_classified += r.n; }
  }
  const notApplicable = new Set<string>();
  if (!policyAppliesWithin(period.from, period.to)) for (const k of ['births_compliant', 'births_noncompliant', 'births_classified']) notApplicable.add(k);
  return { values: v, notApplicable };
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
};

export function computeIndicator(d: IndicatorDefinition, m: Measures, period: Period, annualise: boolean): IndicatorValue {
  const base: IndicatorValue = { value: null, numerator: null, denominator: null };
  if (d.normalRange) base.normalRange = d.normalRange;
  if (d.measures.some((x) => m.notApplicable.has(x))) return { ...base, reason: 'not_applicable' };
  if (d.measures.some((x) => m.values[x] === undefined)) return { ...base, reason: 'no_data' };
  const numerator = evaluate(d.num, m.values);
  const denominator = d.den ? evaluate(d.den, m.values) : null;
  if (numerator === null) return { ...base, reason: 'no_data' };
  if (d.den && !denominator) return { ...base, numerator, denominator, reason: 'zero_denominator' };
  let value = (d.den ? numerator / denominator! : numerator) * d.factor;
  if (annualise && d.annualisable) value *= annualisationFactor(period);
  return { ...base, value: round(value, d.decimals), numerator, denominator };
}

export function computeAll(defs: IndicatorDefinition[], m: Measures, period: Period, annualise: boolean): Record<string, IndicatorValue> {
  const out: Record<string, IndicatorValue> = {};
  for (const d of defs) out[d.code] = computeIndicator(d, m, period, annualise);
  return out;
}
