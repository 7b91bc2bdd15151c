// Programmes as the web shows them: each parameter's values over time per jurisdiction, with
// the period each value was in force and its reference.
import type { Series } from './params.ts';
import { PROGRAMME_CODES, type ProgrammeRules, type RuleSet } from './rules.ts';

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function timeline(series: Series) {
  const sorted = [...series].sort((a, b) => (a.from < b.from ? -1 : 1));
  return sorted.map((v, i) => ({ from: v.from, to: i + 1 < sorted.length ? dayBefore(sorted[i + 1].from) : null, value: v.value, reference: v.reference }))
    .filter((v) => v.value !== null);
}

/** National first, then provinces, cities, counties (object keys like "5101" would sort first). */
const byBreadth = ([a]: [string, unknown], [b]: [string, unknown]) => (a === 'CN' ? -1 : b === 'CN' ? 1 : a.length - b.length || (a < b ? -1 : 1));

export function programmeView(p: ProgrammeRules, jurisdictionName: (code: string) => string) {
  return {
    code: p.programme, title: p.title, kind: p.kind, unit: p.unit, excludes: p.excludes,
    schemes: p.schemes.map((s) => ({ id: s.id, title: s.title, jurisdiction: s.jurisdiction, jurisdictionName: jurisdictionName(s.jurisdiction), requires: s.requires, reference: s.reference })),
    parameters: Object.entries(p.parameters).map(([name, layers]) => ({
      name,
      layers: Object.entries(layers).sort(byBreadth).map(([j, s]) => ({ jurisdiction: j, jurisdictionName: jurisdictionName(j), values: timeline(s) })),
    })),
    funding: Object.entries(p.funding).sort(byBreadth).map(([key, s]) => ({ key, values: timeline(s) })),
  };
}

export function programmesView(rules: RuleSet, jurisdictionName: (code: string) => string) {
  return PROGRAMME_CODES.map((code) => programmeView(rules[code], jurisdictionName));
}
