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
import { personsByIds, personsRegisteredInBulk, relativesOutside, type PersonFactsRow } from './registry-facts.repository.ts';
import { evidenceFacts, evidenceFactsOf } from './evidence.repository.ts';
import type { ProgrammeCode, RuleSet } from './rules.ts';

export interface LoadedArea {
  index: HouseholdIndex;
  /** Persons registered in the area (the candidates). */
  residents: PersonFactsRow[];
  facts: Map<string, Facts>;
}

function mergeFacts(rows: { person_id: string; facts: string }[], into = new Map<string, Facts>()): Map<string, Facts> {
  for (const r of rows) into.set(r.person_id, { ...(into.get(r.person_id) ?? {}), ...(JSON.parse(r.facts) as Facts) });
  return into;
}

/** Loads an area; `alsoIds` are persons to include wherever they are now (last year's roster). */
export async function loadArea(ctx: AppContext, area: string, alsoIds: string[] = []): Promise<LoadedArea> {
  const db = ctx.db.kysely;
  const residents = await personsRegisteredInBulk(ctx.db, area);
  const facts = mergeFacts(await evidenceFacts(db, area));
  const index = new HouseholdIndex(residents, facts);
  // The index holds the residents only until the relatives are added.
  const relatives = await relativesOutside(db, area, residents.length, (id) => index.row(id) !== undefined);
  for (const r of relatives) index.add(r);
  const missing = alsoIds.filter((id) => !index.row(id));
  if (missing.length) {
    for (const r of await personsByIds(db, missing)) index.add(r);
    mergeFacts(await evidenceFactsOf(db, missing), facts);
  }
  return { index, residents, facts };
}

const NO_FACTS: Facts = Object.freeze({});

/** What the candidate filters read of each resident, worked out once per loaded area and year. */
interface Summary {
  birthYears: Int16Array; childCounts: Uint16Array; diedOrDisabled: Uint8Array;
  living: Uint16Array; livingDaughters: Uint16Array; facts: Facts[];
}
const summaries = new WeakMap<PersonFactsRow[], Map<number, Summary>>();

function summaryOf(loaded: LoadedArea, year: number): Summary {
  let byYear = summaries.get(loaded.residents);
  if (!byYear) summaries.set(loaded.residents, (byYear = new Map()));
  let s = byYear.get(year);
  if (s) return s;
  const n = loaded.residents.length;
  s = {
    birthYears: new Int16Array(n), childCounts: new Uint16Array(n), diedOrDisabled: new Uint8Array(n),
    living: new Uint16Array(n), livingDaughters: new Uint16Array(n), facts: new Array<Facts>(n),
  };
  const yearStart = `${year}-01-01`;
  const c: ChildStats = { count: 0, diedOrDisabled: false, living: 0, livingDaughters: 0 };
  for (let i = 0; i < n; i++) {
    const r = loaded.residents[i];
    s.birthYears[i] = Number(r.birth_date.slice(0, 4));
    loaded.index.childStats(r, yearStart, c);
    s.childCounts[i] = c.count;
    s.diedOrDisabled[i] = c.diedOrDisabled ? 1 : 0;
    s.living[i] = c.living;
    s.livingDaughters[i] = c.livingDaughters;
    s.facts[i] = loaded.facts.get(r.id) ?? NO_FACTS;
  }
  byYear.set(year, s);
  return s;
}

export interface Evaluated {
  personId: string;
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
  const eligible: Evaluated[] = [];
  const total = loaded.residents.length;
  const sum = summaryOf(loaded, year);
  const children = { count: 0, diedOrDisabled: false, living: 0, livingDaughters: 0 };
  let id = '';
  const view = { birthYear: 0, children, facts: NO_FACTS, param, onlyChild: () => loaded.index.onlyChild(id) };
  for (let i = 0; i < total; i++) {
    if (progress && i % 20_000 === 0) progress(i, total);
    const facts = sum.facts[i];
    if (needs && !needs.some((f) => factTrue(facts, f))) continue;
    const r = loaded.residents[i];
    id = r.id;
    view.birthYear = sum.birthYears[i];
    children.count = sum.childCounts[i];
    children.diedOrDisabled = sum.diedOrDisabled[i] === 1;
    children.living = sum.living[i];
    children.livingDaughters = sum.livingDaughters[i];
    view.facts = facts;
    if (!isCandidate(view, year)) continue;
    const outcome = evaluate(rules, programme, loaded.index.household(r.id), area, year);
    if (outcome.eligible) eligible.push({ personId: r.id, outcome });
  }
  progress?.(total, total);
  const others = new Map<string, Outcome | null>();
  for (const id of alsoIds) others.set(id, loaded.index.row(id) ? evaluate(rules, programme, loaded.index.household(id), area, year) : null);
  return { eligible, others };
}

/** The part of a loaded area registered in each county (6-digit codes; the index stays whole), in one pass. */
export function countyViews(loaded: LoadedArea, counties: string[]): Map<string, LoadedArea> {
  const by = new Map<string, PersonFactsRow[]>(counties.map((c) => [c, []]));
  for (const r of loaded.residents) by.get(r.hukou_area_code.slice(0, 6))?.push(r);
  return new Map(counties.map((c) => [c, { ...loaded, residents: by.get(c)! }]));
}
