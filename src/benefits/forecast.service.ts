// Forecast of a year's cost per programme, funding source and township under the rules in
// force, and under a what-if value of one parameter: evaluated over the registry, nothing saved.
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { evaluateArea, loadArea } from './evaluation.service.ts';
import { addSplit, type FundingSource } from './params.ts';
import { currentRules } from './rules.service.ts';
import { withOverrides, type ProgrammeCode, type RuleSet } from './rules.ts';

export interface ForecastInput {
  programme: ProgrammeCode;
  area: string;
  year: number;
  whatIf?: { parameter: string; jurisdiction: string; value: number };
}

interface Totals { persons: number; amountFen: number; byFunding: Partial<Record<FundingSource, number>>; byTownship: Record<string, { persons: number; amountFen: number }> }

function total(rules: RuleSet, loaded: Awaited<ReturnType<typeof loadArea>>, input: ForecastInput, county: string, into: Totals) {
  for (const e of evaluateArea(loaded, rules, input.programme, county, input.year).eligible) {
    into.persons++;
    into.amountFen += e.outcome.amountFen;
    into.byFunding = addSplit(into.byFunding, e.outcome.split);
    const town = loaded.index.area(e.at).slice(0, 9);
    const t = (into.byTownship[town] ??= { persons: 0, amountFen: 0 });
    t.persons++;
    t.amountFen += e.outcome.amountFen;
  }
}

export async function forecast(ctx: AppContext, actor: Actor, input: ForecastInput) {
  if (!input.area.startsWith(actor.areaCode) || !ctx.areas.has(input.area)) throw notFound();
  if (input.area.length !== 4 && input.area.length !== 6) throw new AppError(400, 'benefits.not_county');
  const rules = await currentRules(ctx);
  const param = rules[input.programme].parameters[input.whatIf?.parameter ?? ''];
  if (input.whatIf && !param) throw new AppError(400, 'validation.failed', {}, [{ field: 'parameter', code: 'field.invalid' }]);
  const whatIfRules = input.whatIf ? withOverrides(rules, [{
    programme: input.programme, parameter: input.whatIf.parameter, jurisdiction: input.whatIf.jurisdiction,
    series: [...(param![input.whatIf.jurisdiction] ?? []), { from: `${input.year}-01-01`, value: input.whatIf.value, reference: 'what-if (not saved)' }],
  }]) : null;
  const counties = input.area.length === 6 ? [input.area] : ctx.areas.childrenOf(input.area).map((c) => c.code);
  const empty = (): Totals => ({ persons: 0, amountFen: 0, byFunding: {}, byTownship: {} });
  const base = empty();
  const alt = whatIfRules ? empty() : null;
  for (const county of counties) {
    const loaded = await loadArea(ctx, county);
    total(rules, loaded, input, county, base);
    if (alt && whatIfRules) total(whatIfRules, loaded, input, county, alt);
  }
  const shape = (x: Totals) => ({
    persons: x.persons, amountFen: x.amountFen, byFunding: x.byFunding,
    byTownship: Object.entries(x.byTownship).sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, v]) => ({ areaCode: code, areaName: ctx.areas.has(code) ? ctx.areas.name(code) : code, ...v })),
  });
  return { programme: input.programme, area: input.area, year: input.year, whatIf: input.whatIf ?? null, base: shape(base), scenario: alt ? shape(alt) : null, deltaFen: alt ? alt.amountFen - base.amountFen : null };
}
