import { beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '../id-number.ts';
import { deriveState, sortEvents } from '../spans.ts';
import type { EventRow, NewPerson } from '../../platform/db/schema.ts';
import { age, collect, eventsByPerson, type Run } from './test-support.ts';

const TODAY = '2025-06-30';
let run: Run;
let byId: Map<string, NewPerson>;
let evs: Map<string, Run['events']>;

beforeAll(() => {
  run = collect({ persons: 30_000, seed: 11, today: TODAY });
  byId = new Map(run.persons.map((p) => [p.id, p]));
  evs = eventsByPerson(run.events);
});

/** What the registry derives from a person's row and events (spans, status, migrant). */
function derive(p: NewPerson) {
  return deriveState({
    birthDate: p.birth_date, hukouAreaCode: p.hukou_area_code, residenceAreaCode: p.residence_area_code,
    isLocalArea: (c) => c.startsWith('5107'),
    events: (evs.get(p.id) ?? []).map((e) => ({ kind: e.kind, date: e.date, areaCode: e.area_code, fromAreaCode: e.from_area_code ?? null })),
  });
}

describe('generated ID numbers', () => {
  it('are valid, match sex and birth date, and are unique', () => {
    const seen = new Set<string>();
    for (const p of run.persons) {
      if (p.id_number === null) {
        expect(age(p.birth_date, TODAY)).toBe(0); // only recent newborns lack one
        continue;
      }
      const r = parseIdNumber(p.id_number!, TODAY);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.info.sex).toBe(p.sex);
      expect(r.info.birthDate).toBe(p.birth_date);
      expect(seen.has(p.id_number!)).toBe(false);
      seen.add(p.id_number!);
    }
    expect(seen.size).toBeGreaterThan(run.persons.length * 0.99);
  });

  it('carry the birth area, or the origin of people who moved in', () => {
    for (const p of run.persons) {
      const first = sortEvents((evs.get(p.id) ?? []) as EventRow[]).find((e) => e.kind === 'birth' || e.kind === 'move_in');
      if (!p.id_number || !first) continue;
      if (first.kind === 'birth') expect(p.id_number.slice(0, 6)).toBe(first.area_code.slice(0, 6));
      else if (!first.from_area_code!.startsWith('5107')) expect(p.id_number.slice(0, 6)).toBe(first.from_area_code!.slice(0, 6));
    }
  });
});

describe('persons and events', () => {
  it('have rows equal to the state derived from their events', () => {
    for (const p of run.persons) {
      const s = derive(p);
      expect({ id: p.id, status: p.status, death: p.death_date, hukou: p.hukou_area_code, residence: p.residence_area_code, migrant: p.is_migrant })
        .toEqual({ id: p.id, status: s.status, death: s.deathDate, hukou: s.hukouAreaCode, residence: s.residenceAreaCode, migrant: s.isMigrant ? 1 : 0 });
    }
  });

  it('have no events after a death or a move out, and no event before birth', () => {
    for (const [id, list] of evs) {
      const p = byId.get(id)!;
      const sorted = sortEvents(list as EventRow[]);
      const end = sorted.findIndex((e) => e.kind === 'death' || e.kind === 'move_out');
      if (end >= 0) expect(sorted.slice(end + 1)).toEqual([]);
      for (const e of sorted) expect(e.date >= p.birth_date && e.date <= TODAY).toBe(true);
    }
    const keys = run.events.map((e) => `${e.kind}|${e.person_id}|${e.date}`);
    expect(new Set(keys).size).toBe(keys.length); // natural key of population_events
  });

  it('refer only to persons of the same or an earlier batch', () => {
    for (const p of run.persons) {
      const mine = run.batchOf.get(p.id)!;
      for (const ref of [p.mother_id, p.father_id, p.spouse_id]) {
        if (ref) expect(run.batchOf.get(ref)).toBeLessThanOrEqual(mine);
      }
    }
    for (const e of run.events) {
      const mine = run.batchOf.get(e.person_id);
      expect(mine).toBeDefined();
      for (const ref of [e.mother_id, e.father_id, e.spouse_id]) if (ref) expect(run.batchOf.get(ref)).toBeLessThanOrEqual(mine!);
    }
  });

  it('give each birth the parity of the child among its mother\'s children', () => {
    const children = new Map<string, string[]>();
    for (const p of run.persons) if (p.mother_id) (children.get(p.mother_id) ?? children.set(p.mother_id, []).get(p.mother_id)!).push(p.birth_date);
    let births = 0;
    for (const e of run.events) {
      if (e.kind !== 'birth') continue;
      births++;
      const child = byId.get(e.person_id)!;
      expect(e.date).toBe(child.birth_date);
      expect(e.mother_id).toBe(child.mother_id);
      expect(e.father_id).toBe(child.father_id);
      const older = children.get(child.mother_id!)!.filter((d) => d < child.birth_date).length;
      expect(e.parity).toBe(older + 1);
    }
    expect(births).toBeGreaterThan(1000);
  });

  it('have mothers aged 16-50 and fathers aged 18-65 at the birth of each child', () => {
    for (const p of run.persons) {
      const m = p.mother_id ? byId.get(p.mother_id)! : null;
      const f = p.father_id ? byId.get(p.father_id)! : null;
      if (m) { expect(m.sex).toBe('F'); expect(age(m.birth_date, p.birth_date)).toBeGreaterThanOrEqual(16); expect(age(m.birth_date, p.birth_date)).toBeLessThanOrEqual(50); }
      if (f) { expect(f.sex).toBe('M'); expect(age(f.birth_date, p.birth_date)).toBeGreaterThanOrEqual(18); expect(age(f.birth_date, p.birth_date)).toBeLessThanOrEqual(65); }
    }
  });

  it('set spouse_id on both spouses of a living marriage', () => {
    for (const p of run.persons) {
      if (!p.spouse_id) { expect(['10', '30', '40', '21', '22']).toContain(p.marital_status); continue; }
      const s = byId.get(p.spouse_id)!;
      expect(s.sex).not.toBe(p.sex);
      expect(p.mother_id && p.mother_id === s.mother_id).toBeFalsy(); // never siblings
      if ((p.marital_status === '21' || p.marital_status === '22') && p.status === 'alive' && s.status === 'alive') expect(s.spouse_id).toBe(p.id);
    }
  });

  it('put the birth of a child at its mother\'s hukou village of that day', () => {
    for (const e of run.events) {
      if (e.kind !== 'birth') continue;
      const spans = derive(byId.get(e.mother_id!)!).spans;
      const at = spans.find((s) => s.startDate <= e.date && (s.endDate === null || s.endDate > e.date));
      expect(at?.hukouAreaCode).toBe(e.area_code);
    }
  });
});

describe('families', () => {
  it('have unique household numbers of their village, and heads among their members', () => {
    const numbers = new Set(run.families.map((f) => f.household_number));
    expect(numbers.size).toBe(run.families.length);
    const members = new Map<string, Set<string>>();
    for (const p of run.persons) if (p.family_id) (members.get(p.family_id) ?? members.set(p.family_id, new Set()).get(p.family_id)!).add(p.id);
    for (const f of run.families) {
      expect(f.household_number).toMatch(/^\d{19}$/);
      expect(f.household_number.startsWith(f.area_code)).toBe(true);
      expect(members.get(f.id)?.has(f.head_id!)).toBe(true);
    }
    for (const p of run.persons) expect(members.has(p.family_id!)).toBe(true);
    const families = new Set(run.families.map((f) => f.id));
    for (const id of members.keys()) expect(families.has(id)).toBe(true);
  });

  it('list disabled only children of mothers aged 49 or more', () => {
    expect(run.disabledChildIds.length).toBeGreaterThan(0);
    for (const id of run.disabledChildIds) {
      const child = byId.get(id)!;
      const mother = byId.get(child.mother_id!)!;
      expect(age(mother.birth_date, TODAY)).toBeGreaterThanOrEqual(49);
      expect(run.persons.filter((p) => p.mother_id === mother.id).map((p) => p.id)).toEqual([id]);
      expect(child.status).toBe('alive');
    }
  });
});
