// Creates a deterministic synthetic population through the bulk writer: the demo city at
// first start, `renkou seed`, and the benchmarks.
import type { AppContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/executor.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { EventRow, NewEvent, NewPerson } from '../../platform/db/schema.ts';
import { writeChunk } from '../bulk.repository.ts';
import { restoreDerived, suspendDerived, wantsBulkLoad } from '../imports/bulk-load.ts';
import { spanRows } from '../persons/derived.ts';
import { deriveState } from '../spans.ts';
import { generatePopulation } from './generate.ts';

export interface SeedOptions {
  region: string;
  persons: number;
  seed: number;
}

export interface SeedSummary {
  region: string;
  persons: number;
  events: number;
  families: number;
  /** Only children with a disability grade (their parents are special-aid cases). */
  disabled: number;
  villages: number;
  seconds: number;
}

/** Spans, status and derived columns of each generated person, computed as for any other person. */
export function deriveBatch(ctx: AppContext, persons: NewPerson[], events: NewEvent[]) {
  const byPerson = new Map<string, NewEvent[]>();
  for (const e of events) {
    const list = byPerson.get(e.person_id);
    if (list) list.push(e); else byPerson.set(e.person_id, [e]);
  }
  const isLocal = (c: string) => ctx.areas.has(c);
  const spans = [];
  for (const p of persons) {
    const evs = byPerson.get(p.id) ?? [];
    const state = deriveState({
      birthDate: p.birth_date, hukouAreaCode: p.hukou_area_code, residenceAreaCode: p.residence_area_code, isLocalArea: isLocal,
      events: evs.map((e) => ({ kind: e.kind as EventRow['kind'], date: e.date, areaCode: e.area_code, fromAreaCode: e.from_area_code ?? null })),
    });
    p.status = state.status;
    p.death_date = state.deathDate;
    p.hukou_area_code = state.hukouAreaCode;
    p.residence_area_code = state.residenceAreaCode;
    p.is_migrant = state.isMigrant ? 1 : 0;
    spans.push(...spanRows(p.id, state));
  }
  return spans;
}

/** Disabled only children get a 残疾等级: grades 1–4 in turn, so grade 4 (not enough for special aid) occurs too. */
async function markDisabled(ctx: AppContext, ids: string[], before: number): Promise<number> {
  for (const [i, id] of ids.entries()) {
    await ctx.db.kysely.updateTable('persons').set({ disability_grade: ((before + i) % 4) + 1 }).where('id', '=', id).execute();
  }
  return ids.length;
}

export async function seedPopulation(ctx: AppContext, actor: Actor, o: SeedOptions, onProgress?: (done: number, total: number) => void): Promise<SeedSummary> {
  const t0 = Date.now();
  const villages = ctx.areas.leavesUnder(o.region).filter((a) => a.level === 5).map((a) => ({ code: a.code, name: a.name }));
  if (villages.length === 0) throw new Error(`区划 ${o.region} 下没有村（社区）/ no villages under ${o.region}`);
  let persons = 0, events = 0, families = 0, disabled = 0;
  // Into a (nearly) empty registry: indexes and aggregate triggers are built once at the end.
  const existing = Number((await ctx.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const bulk = wantsBulkLoad(o.persons, existing);
  if (bulk) await suspendDerived(ctx.db);
  try {
    for (const batch of generatePopulation({ villages, persons: o.persons, seed: o.seed, today: ctx.today() })) {
      const spans = deriveBatch(ctx, batch.persons, batch.events);
      await writeChunk(ctx.db, { families: batch.families, insertPersons: batch.persons, spans, events: batch.events });
      disabled += await markDisabled(ctx, batch.facts.disabledChildIds, disabled);
      persons += batch.persons.length;
      events += batch.events.length;
      families += batch.families.length;
      onProgress?.(persons, o.persons);
    }
  } finally {
    if (bulk) await restoreDerived(ctx.db);
  }
  await writeChunk(ctx.db, {
    audit: {
      at: nowIso(), actor_id: actor.userId, actor_name: actor.username, action: 'registry.seed', entity_type: 'registry', entity_id: null,
      area_code: o.region, detail: JSON.stringify({ ...o, persons, events, families, disabled, synthetic: true }), ip: actor.ip,
    },
  });
  return { region: o.region, persons, events, families, disabled, villages: villages.length, seconds: (Date.now() - t0) / 1000 };
}
