// The eligibility run of a cycle: every candidate of the county evaluated under the rules of the
// year, compared with last year's roster (new, continuing, leaving with the reasons), written as
// roster lines awaiting the village's declaration. Safe to repeat and to kill: lines already under
// review are kept, pending lines are replaced, all in one transaction.
import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { newId } from '../platform/db/ids.ts';
import type { CycleRow, NewLine } from '../platform/db/schema.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import * as repo from './cycles.repository.ts';
import { countyViews, evaluateArea, loadArea, type LoadedArea } from './evaluation.service.ts';
import type { Outcome } from './outcome.ts';
import { currentRules } from './rules.service.ts';
import type { ProgrammeCode } from './rules.ts';

export interface RunInput {
  programme: ProgrammeCode;
  area: string;
  year: number;
}

/** A county inside the actor's scope; anything else answers 404 (or 400 when not a county). */
export function checkCounty(ctx: AppContext, actor: Actor, area: string): void {
  if (!area.startsWith(actor.areaCode) || !ctx.areas.has(area)) throw notFound();
  if (area.length !== 6) throw new AppError(400, 'benefits.not_county');
}

export function paramSetOf(o: Outcome): { id: string; content: string } {
  const sorted = Object.fromEntries(Object.entries(o.paramsUsed).sort(([a], [b]) => (a < b ? -1 : 1)));
  const content = JSON.stringify(sorted);
  return { id: createHash('sha256').update(content).digest('hex'), content };
}

const LEAVING_REASONS = new Set(['person.died', 'person.moved_away']);

export async function ensureCycle(ctx: AppContext, actor: Actor, input: RunInput): Promise<CycleRow> {
  const db = ctx.db.kysely;
  const now = new Date().toISOString();
  await repo.insertCycle(db, {
    id: uuidv7(), programme: input.programme, area_code: input.area, year: input.year, status: 'review',
    notice_from: null, notice_to: null, created_by: actor.userId, version: 1, created_at: now, updated_at: now,
  });
  return (await repo.findCycleFor(db, input.programme, input.area, input.year))!;
}

async function lastYear(ctx: AppContext, input: RunInput): Promise<Map<string, string>> {
  const prev = await repo.findCycleFor(ctx.db.kysely, input.programme, input.area, input.year - 1);
  const prevLines = prev ? await repo.eligiblePersonIds(ctx.db.kysely, prev.id) : [];
  return new Map(prevLines.map((l) => [l.person_id, l.area_code]));
}

/**
 * Every programme's run for a year in a county, or in every county of a city: the registry of the
 * whole area is read once (relatives in other counties of the city included).
 */
export async function runAllProgrammes(ctx: AppContext, actor: Actor, input: { area: string; year: number; programmes: ProgrammeCode[] }, progress?: (done: number, total: number) => void) {
  if (!input.area.startsWith(actor.areaCode) || !ctx.areas.has(input.area)) throw notFound();
  if (input.area.length !== 6 && input.area.length !== 4) throw new AppError(400, 'benefits.not_county');
  const counties = input.area.length === 6 ? [input.area] : ctx.areas.childrenOf(input.area).map((a) => a.code).filter((c) => c.length === 6);
  const prev = new Map<string, Map<string, string>>(); // county and programme → last year's roster
  const prevIds = new Set<string>();
  for (const area of counties) {
    for (const programme of input.programmes) {
      const roster = await lastYear(ctx, { area, year: input.year, programme });
      prev.set(`${area}/${programme}`, roster);
      for (const id of roster.keys()) prevIds.add(id);
    }
  }
  const loaded = await loadArea(ctx, input.area, [...prevIds]);
  const out: Record<string, Record<string, Awaited<ReturnType<typeof runEligibility>>>> = {};
  let done = 0;
  const views = countyViews(loaded, counties);
  for (const area of counties) {
    const view = views.get(area)!;
    out[area] = {};
    for (const programme of input.programmes) {
      out[area][programme] = await runEligibility(ctx, actor, { programme, area, year: input.year }, undefined, { loaded: view, prevArea: prev.get(`${area}/${programme}`)! });
      progress?.(++done, counties.length * input.programmes.length);
    }
  }
  return out;
}

/** `preloaded`: the county already read, with last year's roster (runAllProgrammes). */
export async function runEligibility(
  ctx: AppContext, actor: Actor, input: RunInput, progress?: (done: number, total: number) => void,
  preloaded?: { loaded: LoadedArea; prevArea: Map<string, string> },
) {
  checkCounty(ctx, actor, input.area);
  const db = ctx.db.kysely;
  const cycle = await ensureCycle(ctx, actor, input);
  if (cycle.status !== 'review') throw new AppError(409, 'benefits.cycle_state', { status: cycle.status });

  const prevArea = preloaded?.prevArea ?? await lastYear(ctx, input);
  const rules = await currentRules(ctx);
  const loaded = preloaded?.loaded ?? await loadArea(ctx, input.area, [...prevArea.keys()]);
  const { eligible, others } = evaluateArea(loaded, rules, input.programme, input.area, input.year, [...prevArea.keys()],
    progress ? (d, t) => progress(Math.floor(d / 2), t) : undefined);

  const now = new Date().toISOString();
  const setByKey = new Map<string, { id: string; content: string }>(); // most lines share a few sets
  const setOf = (o: Outcome) => {
    let key = '';
    for (const k in o.paramsUsed) key += `${k}=${o.paramsUsed[k].from}|`;
    let set = setByKey.get(key);
    if (!set) setByKey.set(key, (set = paramSetOf(o)));
    return set;
  };
  const lines: NewLine[] = [];
  const line = (personId: string, area: string, kind: NewLine['kind'], o: Outcome | null): NewLine => {
    const set = o && o.eligible ? setOf(o) : null;
    return {
      id: newId(), cycle_id: cycle.id, person_id: personId, area_code: area, kind, eligible: kind === 'leaving' ? 0 : 1,
      reasons: JSON.stringify(o ? o.reasons : ['person.not_found']), scheme: o?.scheme ?? null, stage: 'pending',
      returned_reason: null, returned_level: null, amount_fen: kind === 'leaving' ? 0 : o!.amountFen, split: JSON.stringify(kind === 'leaving' ? {} : o!.split),
      param_set_id: set?.id ?? null, rule_version: o?.version ?? null, frozen: 0, snapshot: null, bank_account: null,
      version: 1, created_at: now, updated_at: now,
    };
  };
  const areaOf = (id: string) => { const k = loaded.index.find(id); return k < 0 ? undefined : loaded.index.area(k); };
  const stillEligible = new Set<string>();
  for (const e of eligible) {
    stillEligible.add(e.personId);
    lines.push(line(e.personId, loaded.index.area(e.at), prevArea.has(e.personId) ? 'continuing' : 'new', e.outcome));
  }
  for (const [personId, area] of prevArea) {
    if (stillEligible.has(personId)) continue;
    const o = others.get(personId) ?? null;
    if (o?.eligible) { // registered elsewhere in the county now, still eligible
      lines.push(line(personId, areaOf(personId)!, 'continuing', o));
      continue;
    }
    const now = areaOf(personId);
    const reasons = o ? o.reasons.filter((r) => LEAVING_REASONS.has(r)) : [];
    const l = line(personId, now && now.startsWith(input.area) ? now : area, 'leaving', o);
    l.reasons = JSON.stringify(o ? (reasons.length ? reasons : ['eligibility.no_longer', ...o.reasons]) : ['person.not_found']);
    lines.push(l);
  }

  const summary = {
    cycleId: cycle.id,
    new: lines.filter((l) => l.kind === 'new').length,
    continuing: lines.filter((l) => l.kind === 'continuing').length,
    leaving: lines.filter((l) => l.kind === 'leaving').length,
    evaluated: loaded.residents.length,
  };
  // One transaction: a kill leaves the previous roster or the new one, never a part of it.
  await db.transaction().execute(async (trx) => {
    await repo.deletePendingLines(trx, cycle.id);
    await repo.insertParamSets(trx, [...setByKey.values()]);
    await repo.insertLinesBulk(trx, ctx.db, lines, (done) => progress?.(Math.floor(lines.length / 2 + done / 2), lines.length));
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.run', entityType: 'benefit_cycle', entityId: cycle.id, areaCode: input.area, detail: { ...input, ...summary } });
  });
  progress?.(lines.length, lines.length);
  return summary;
}
