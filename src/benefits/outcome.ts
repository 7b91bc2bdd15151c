// The answer of an eligibility function, and the shared steps that build it: choosing the
// scheme, reading parameters with their provenance, and layering amounts by jurisdiction.
import { addSplit, effective, layersAt, splitFen, valueAt, type FundingShare, type FundingSource, type LayerValue, type UsedValue } from './params.ts';
import type { ProgrammeRules, Scheme } from './rules.ts';
import { factTrue, type Household } from './household.ts';

export type Split = Partial<Record<FundingSource, number>>;

export interface Outcome {
  eligible: boolean;
  /** Stable reason codes (reasons.ts has their texts), e.g. age.reached, child.died, person.moved_away. */
  reasons: string[];
  scheme: string | null;
  amountFen: number;
  split: Split;
  paramsUsed: Record<string, UsedValue>;
  /** Version of the eligibility function used (the `from` of the version). */
  version: string;
}

export interface EvalContext {
  rules: ProgrammeRules;
  /** The county (or other area) whose rules apply. */
  jurisdiction: string;
  year: number;
}

// Lookups depend only on the rules object, the jurisdiction and the date: a run evaluates the same
// few of them for every person, so they are computed once per rule set, jurisdiction and date and
// kept by parameter name (no key strings built per person).
interface Lookups {
  get: Map<string, { value: LayerValue<unknown>; usedKey: string } | null>;
  layers: Map<string, LayerValue<number>[]>;
  funding: Map<string, Map<string, { usedKey: string; used: UsedValue; share: FundingShare } | null>>;
}
const lookups = new WeakMap<object, Map<string, Map<string, Lookups>>>();
function lookupsFor(rules: object, jurisdiction: string, date: string): Lookups {
  let byPlace = lookups.get(rules);
  if (!byPlace) lookups.set(rules, (byPlace = new Map()));
  let byDate = byPlace.get(jurisdiction);
  if (!byDate) byPlace.set(jurisdiction, (byDate = new Map()));
  let l = byDate.get(date);
  if (!l) byDate.set(date, (l = { get: new Map(), layers: new Map(), funding: new Map() }));
  return l;
}

/** Collects parameter reads so that the outcome records exactly what it used. */
export class ParamReader {
  readonly used: Record<string, UsedValue> = {};
  private readonly memo: Lookups;
  constructor(private readonly ec: EvalContext, readonly date: string) {
    this.memo = lookupsFor(ec.rules, ec.jurisdiction, date);
  }

  get<T>(name: string): T | null {
    let found = this.memo.get.get(name);
    if (found === undefined) {
      const v = effective<unknown>(this.ec.rules.parameters[name] as never, this.ec.jurisdiction, this.date);
      this.memo.get.set(name, (found = v ? { value: v, usedKey: `${name}@${v.jurisdiction}` } : null));
    }
    if (!found) return null;
    this.used[found.usedKey] = found.value;
    return found.value.value as T;
  }

  /** An amount layered by jurisdiction: the broadest value is the base, funded by the scheme's
   *  share; a more specific higher value adds the difference, funded by that jurisdiction. */
  layered(name: string, scheme: Scheme, toFen: (yuan: number) => number): { fen: number; split: Split } | null {
    let layers = this.memo.layers.get(name);
    if (!layers) this.memo.layers.set(name, (layers = layersAt<number>(this.ec.rules.parameters[name] as never, this.ec.jurisdiction, this.date)));
    if (!layers.length) return null;
    let fen = 0;
    let split: Split = {};
    let running = 0;
    for (const [i, l] of layers.entries()) {
      this.used[`${name}@${l.jurisdiction}`] = l;
      const part = i === 0 ? toFen(l.value) : toFen(Math.max(0, l.value - running));
      running = Math.max(running, l.value);
      if (part === 0) continue;
      fen += part;
      split = addSplit(split, splitFen(part, this.funding(i === 0 ? scheme.id : l.jurisdiction, scheme.id)));
    }
    return { fen, split };
  }

  funding(key: string, fallback: string): FundingShare {
    const { rules } = this.ec;
    let byFallback = this.memo.funding.get(key);
    if (!byFallback) this.memo.funding.set(key, (byFallback = new Map()));
    let found = byFallback.get(fallback);
    if (found === undefined) {
      const own = valueAt(rules.funding[key], this.date);
      const f = own ?? valueAt(rules.funding[fallback], this.date);
      found = f ? { usedKey: `funding.${own ? key : fallback}`, used: { value: f.value, from: f.from, reference: f.reference, jurisdiction: key } as UsedValue, share: f.value as FundingShare } : null;
      byFallback.set(fallback, found);
    }
    if (!found) return {};
    this.used[found.usedKey] = found.used;
    return found.share;
  }
}

/** The first scheme whose jurisdiction covers the area and whose conditions the person meets. */
export function chooseScheme(ec: EvalContext, h: Household, reasons: string[]): Scheme | null {
  for (const s of ec.rules.schemes) {
    if (s.jurisdiction !== 'CN' && !ec.jurisdiction.startsWith(s.jurisdiction)) continue;
    const r = s.requires;
    if (r.hukouType && h.person.hukouType !== r.hukouType) continue;
    if (r.fact && !factTrue(h.facts, r.fact)) continue;
    if (r.notFact && factTrue(h.facts, r.notFact)) continue;
    return s;
  }
  const needs = ec.rules.schemes.map((s) => s.requires);
  if (needs.some((r) => r.hukouType)) reasons.push('hukou.type_not_covered');
  for (const r of needs) if (r.fact && !factTrue(h.facts, r.fact)) reasons.push(`fact.missing.${r.fact}`);
  if (!reasons.length) reasons.push('scheme.none');
  return null;
}

export function notEligible(version: string, reasons: string[], used: Record<string, UsedValue> = {}): Outcome {
  return { eligible: false, reasons, scheme: null, amountFen: 0, split: {}, paramsUsed: used, version };
}

/** The checks every programme starts with: in force, alive at the year's start, hukou in the area. */
export function baseChecks(ec: EvalContext, h: Household): string[] {
  const reasons: string[] = [];
  if (h.person.deathDate && h.person.deathDate < `${ec.year}-01-01`) reasons.push('person.died');
  if (!h.person.hukouArea.startsWith(ec.jurisdiction)) reasons.push('person.moved_away');
  return reasons;
}

export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
