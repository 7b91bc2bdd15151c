// Evaluates a programme over the registry of one county: loads the county's persons, their
// relatives registered elsewhere and recorded facts, then applies the programme's eligibility
// function to every candidate. Shared by the eligibility run, the freeze and the forecast.
import type { AppContext } from '../platform/context.ts';
import type { Facts } from './household.ts';
import { HouseholdIndex, type ChildStats } from './households.ts';
import type { Outcome } from './outcome.ts';
import { CANDIDATES, neededFacts } from './programmes/candidates.ts';
import { factTrue } from './household.ts';
import { effective } from './params.ts';
import { evaluate } from './programmes/index.ts';
import { eachPersonRegisteredIn, factsOf, personsByIds, relativesOutside } from './registry-facts.repository.ts';
import { evidenceFacts, evidenceFactsOf } from './evidence.repository.ts';
import type { ProgrammeCode, RuleSet } from './rules.ts';

export interface LoadedArea {
  index: HouseholdIndex;
  /** Positions in the index of the persons registered in the area (the candidates). */
  residents: Int32Array;
  facts: Map<string, Facts>;
}

function mergeFacts(rows: { person_id: string; facts: string }[], into = new Map<string, Facts>()): Map<string, Facts> {
  for (const r of rows) into.set(r.person_id, { ...(into.get(r.person_id) ?? {}), ...(JSON.parse(r.facts) as Facts) });
  return into;
}

/** Loads an area; `alsoIds` are persons to include wherever they are now (last year's roster). */
export async function loadArea(ctx: AppContext, area: string, alsoIds: string[] = []): Promise<LoadedArea> {
  const db = ctx.db.kysely;
  const facts = mergeFacts(await evidenceFacts(db, area));
  const index = new HouseholdIndex(facts);
  let residents = new Int32Array(1024);
  let n = 0;
  await eachPersonRegisteredIn(ctx.db, area, (p) => {
    const k = index.add(p);
    if (k < 0) return;
    if (n === residents.length) { const more = new Int32Array(n * 2); more.set(residents); residents = more; }
    residents[n++] = k;
  });
  // The index holds the residents only until the relatives are added.
  const relatives = await relativesOutside(db, area, n, index);
  for (const r of relatives) index.add(factsOf(r));
  const missing = alsoIds.filter((id) => !index.has(id));
  if (missing.length) {
    for (const r of await personsByIds(db, missing)) index.add(factsOf(r));
    mergeFacts(await evidenceFactsOf(db, missing), facts);
  }
  return { index, residents: residents.slice(0, n), facts };
}

const NO_FACTS: Facts = Object.freeze({});

/** What the candidate filters read of each resident, worked out once per loaded area and year. */
interface Summary {
  birthYears: Int16Array; childCounts: Uint16Array; diedOrDisabled: Uint8Array;
  living: Uint16Array; livingDaughters: Uint16Array; facts: Facts[];
  /** Residents (indexes into `residents`) with any recorded fact. */
  withFacts: number[];
}
const summaries = new WeakMap<Int32Array, Map<number, Summary>>();

function summaryOf(loaded: LoadedArea, year: number): Summary {
  let byYear = summaries.get(loaded.residents);
  if (!byYear) summaries.set(loaded.residents, (byYear = new Map()));
  let s = byYear.get(year);
  if (s) return s;
  const { index, residents } = loaded;
  const n = residents.length;
  s = {
    birthYears: new Int16Array(n), childCounts: new Uint16Array(n), diedOrDisabled: new Uint8Array(n),
    living: new Uint16Array(n), livingDaughters: new Uint16Array(n), facts: new Array<Facts>(n).fill(NO_FACTS), withFacts: [],
  };
  const yearStart = `${year}-01-01`;
  const c: ChildStats = { count: 0, diedOrDisabled: false, living: 0, livingDaughters: 0 };
  for (let i = 0; i < n; i++) {
    const k = residents[i];
    s.birthYears[i] = index.birthYear(k);
    index.childStats(k, yearStart, c);
    s.childCounts[i] = c.count;
    s.diedOrDisabled[i] = c.diedOrDisabled ? 1 : 0;
    s.living[i] = c.living;
    s.livingDaughters[i] = c.livingDaughters;
  }
  if (loaded.facts.size) {
    for (let i = 0; i < n; i++) {
      const f = loaded.facts.get(index.id(residents[i]));
      if (f) { s.facts[i] = f; s.withFacts.push(i); }
    }
  }
  byYear.set(year, s);
  return s;
}

export interface Evaluated {
  personId: string;
  /** The person's position in the index. */
  at: number;
  outcome: Outcome;
}

/** Eligible candidates of the area, plus the outcome for each of `alsoIds` (eligible or not). */
export function evaluateArea(
  loaded: LoadedArea, rules: RuleSet, programme: ProgrammeCode, area: string, year: number,
  alsoIds: string[] = [], progress?: (done: number, total: number) => void,
): { eligible: Evaluated[]; others: Map<string, Outcome | null> } {
  const isCandidate = CANDIDATES[programme];
  const needs = neededFacts(rules[programme]);
  const params = new Map<string, number | null>();
  const param = (name: string) => { if (!params.has(name)) params.set(name, paramValue(name)); return params.get(name)!; };
  const paramValue = (name: string) => effective<number>(rules[programme].parameters[name] as never, area, `${year}-01-01`)?.value ?? null;
  const { index, residents } = loaded;
  const eligible: Evaluated[] = [];
  const sum = summaryOf(loaded, year);
  // Only people with one of the needed facts can qualify: the others are not looked at.
  const total = needs ? sum.withFacts.length : residents.length;
  const children = { count: 0, diedOrDisabled: false, living: 0, livingDaughters: 0 };
  let k = 0;
  const view = { birthYear: 0, children, facts: NO_FACTS, param, onlyChild: () => index.onlyChild(k) };
  for (let j = 0; j < total; j++) {
    if (progress && j % 20_000 === 0) progress(j, total);
    const i = needs ? sum.withFacts[j] : j;
    const facts = sum.facts[i];
    if (needs && !needs.some((f) => factTrue(facts, f))) continue;
    k = residents[i];
    view.birthYear = sum.birthYears[i];
    children.count = sum.childCounts[i];
    children.diedOrDisabled = sum.diedOrDisabled[i] === 1;
    children.living = sum.living[i];
    children.livingDaughters = sum.livingDaughters[i];
    view.facts = facts;
    if (!isCandidate(view, year)) continue;
    const outcome = evaluate(rules, programme, index.household(k), area, year);
    if (outcome.eligible) eligible.push({ personId: index.id(k), at: k, outcome });
  }
  progress?.(total, total);
  const others = new Map<string, Outcome | null>();
  for (const id of alsoIds) {
    const at = index.find(id);
    others.set(id, at >= 0 ? evaluate(rules, programme, index.household(at), area, year) : null);
  }
  return { eligible, others };
}

/** The part of a loaded area registered in each county (6-digit codes; the index stays whole), in one pass. */
export function countyViews(loaded: LoadedArea, counties: string[]): Map<string, LoadedArea> {
  const by = new Map<string, number[]>(counties.map((c) => [c, []]));
  const { index, residents } = loaded;
  for (let i = 0; i < residents.length; i++) by.get(index.area(residents[i]).slice(0, 6))?.push(residents[i]);
  return new Map(counties.map((c) => [c, { ...loaded, residents: Int32Array.from(by.get(c)!) }]));
}
