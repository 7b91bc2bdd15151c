// Evaluates a programme over the registry of one county: loads the county's persons, their
// relatives registered elsewhere and recorded facts, then applies the programme's eligibility
// function to every candidate. Shared by the eligibility run, the freeze and the forecast.
import type { AppContext } from '../platform/context.ts';
import type { Facts } from './household.ts';
import { HouseholdIndex } from './households.ts';
import type { Outcome } from './outcome.ts';
import { CANDIDATES } from './programmes/candidates.ts';
import { evaluate } from './programmes/index.ts';
import { personsByIds, personsRegisteredIn, relativesOutside, type PersonFactsRow } from './registry-facts.repository.ts';
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
  const residents = await personsRegisteredIn(db, area);
  const relatives = await relativesOutside(db, area);
  const facts = mergeFacts(await evidenceFacts(db, area));
  const index = new HouseholdIndex(residents, facts);
  for (const r of relatives) index.add(r);
  const missing = alsoIds.filter((id) => !index.row(id));
  if (missing.length) {
    for (const r of await personsByIds(db, missing)) index.add(r);
    mergeFacts(await evidenceFactsOf(db, missing), facts);
  }
  return { index, residents, facts };
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
  const eligible: Evaluated[] = [];
  const total = loaded.residents.length;
  for (let i = 0; i < total; i++) {
    const r = loaded.residents[i];
    if (progress && i % 20_000 === 0) progress(i, total);
    const facts = loaded.facts.get(r.id) ?? {};
    if (!isCandidate({ birthYear: Number(r.birth_date.slice(0, 4)), hasChildren: loaded.index.hasChildren(r.id), facts }, year)) continue;
    const outcome = evaluate(rules, programme, loaded.index.household(r.id), area, year);
    if (outcome.eligible) eligible.push({ personId: r.id, outcome });
  }
  progress?.(total, total);
  const others = new Map<string, Outcome | null>();
  for (const id of alsoIds) others.set(id, loaded.index.row(id) ? evaluate(rules, programme, loaded.index.household(id), area, year) : null);
  return { eligible, others };
}
