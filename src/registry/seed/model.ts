// In-memory state of one batch while it is generated: persons, families and events,
// with the helpers that create them. Converted to table rows only at the end (rows.ts).
import type { EventKind, NewEvent } from '../../platform/db/schema.ts';
import type { Region } from './areas.ts';
import { isoOf, yearOfDay } from './dates.ts';
import type { IdNumberAllocator, UuidFactory } from './ids.ts';
import { givenName, surname as randomSurname } from './names.ts';
import type { Rng } from './prng.ts';

export const ALIVE = 0;
export const DEAD = 1;
export const MOVED_OUT = 2;

// Person flags.
export const NO_MORE_CHILDREN = 1; // parent in a special family: no further births or remarriage
export const KEEP = 2; // special child: no random death, move or removal
export const NEVER_MARRY = 4;
export const REFERENCED = 8; // someone's mother, father or spouse, or named in an event

export interface SimPerson {
  id: string;
  male: boolean;
  birth: number; // day number
  surname: string;
  name: string;
  ethnicity: string;
  urban: boolean;
  hukou: number; // village index (last known when moved out)
  residence: number; // village index
  status: number; // ALIVE, DEAD, MOVED_OUT
  death: number; // day number or -1
  scheduledDeath: number; // day number or -1 (special families)
  marital: string; // GB/T 2261.2
  mother: SimPerson | null;
  father: SimPerson | null;
  spouse: SimPerson | null;
  family: SimFamily | null;
  idNumber: string | null;
  children: number; // children born to this person (as generated)
  lastChild: number; // day of the last child's birth, or -1e9
  firstChildGirl: boolean;
  lastEvent: number; // day of this person's latest event, later events must be after it
  flags: number;
}

export interface SimFamily {
  id: string;
  village: number;
  head: SimPerson | null;
  members: SimPerson[];
}

/** State shared by every batch of one run. */
export interface RunContext {
  rng: Rng;
  uuid: UuidFactory;
  idNumbers: IdNumberAllocator;
  region: Region;
  t0: number; // first day of the simulated period
  today: number;
  instant: string; // created_at / updated_at of every row
  householdSeq: Int32Array; // next household number per village
  growth: { founders: number; start: number; end: number }; // founders, persons at t0 and at the end, to plan batches
}

export interface NewPersonSpec {
  male: boolean;
  birth: number;
  hukou: number;
  urban: boolean;
  ethnicity: string;
  idAddress: string; // 6-digit address code of the ID number
  surname?: string;
  mother?: SimPerson | null;
  father?: SimPerson | null;
  marital?: string;
}

export interface EventExtra {
  from?: string | null;
  spouse?: SimPerson | null;
  mother?: SimPerson | null;
  father?: SimPerson | null;
  parity?: number | null;
  note?: string | null;
}

export class Batch {
  readonly persons: SimPerson[] = [];
  readonly events: NewEvent[] = [];
  readonly families: SimFamily[] = [];
  readonly disabledChildren: SimPerson[] = [];
  constructor(readonly ctx: RunContext) {}

  get rng(): Rng { return this.ctx.rng; }
  get region(): Region { return this.ctx.region; }

  person(spec: NewPersonSpec): SimPerson {
    const { rng, ctx } = this;
    const sn = spec.surname ?? randomSurname(rng);
    // Newborns of the last six months are sometimes not yet given an ID number.
    const noId = ctx.today - spec.birth < 183 && rng.chance(0.5);
    const p: SimPerson = {
      id: ctx.uuid.next(),
      male: spec.male,
      birth: spec.birth,
      surname: sn,
      name: sn + givenName(rng, spec.male, yearOfDay(spec.birth)),
      ethnicity: spec.ethnicity,
      urban: spec.urban,
      hukou: spec.hukou,
      residence: spec.hukou,
      status: ALIVE,
      death: -1,
      scheduledDeath: -1,
      marital: spec.marital ?? '10',
      mother: spec.mother ?? null,
      father: spec.father ?? null,
      spouse: null,
      family: null,
      idNumber: noId ? null : ctx.idNumbers.allocate(spec.idAddress, spec.birth, spec.male),
      children: 0,
      lastChild: -1e9,
      firstChildGirl: false,
      lastEvent: spec.birth,
      flags: 0,
    };
    if (p.mother) p.mother.flags |= REFERENCED;
    if (p.father) p.father.flags |= REFERENCED;
    this.persons.push(p);
    return p;
  }

  event(kind: EventKind, p: SimPerson, day: number, area: string, extra: EventExtra = {}): void {
    const at = this.ctx.instant;
    this.events.push({
      id: this.ctx.uuid.next(),
      kind,
      person_id: p.id,
      date: isoOf(day),
      area_code: area,
      from_area_code: extra.from ?? null,
      spouse_id: extra.spouse?.id ?? null,
      mother_id: extra.mother?.id ?? null,
      father_id: extra.father?.id ?? null,
      parity: extra.parity ?? null,
      note: extra.note ?? null,
      import_job_id: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    if (day > p.lastEvent) p.lastEvent = day;
    if (extra.spouse) extra.spouse.flags |= REFERENCED;
    if (extra.mother) extra.mother.flags |= REFERENCED;
    if (extra.father) extra.father.flags |= REFERENCED;
  }

  family(village: number, head: SimPerson | null): SimFamily {
    const f: SimFamily = { id: this.ctx.uuid.next(), village, head, members: [] };
    this.families.push(f);
    if (head) join(head, f);
    return f;
  }

  code(village: number): string {
    return this.region.codes[village];
  }
}

export function join(p: SimPerson, f: SimFamily): void {
  const old = p.family;
  if (old === f) return;
  if (old) {
    const i = old.members.indexOf(p);
    if (i >= 0) { old.members[i] = old.members[old.members.length - 1]; old.members.pop(); }
  }
  p.family = f;
  f.members.push(p);
}

/**
 * A hukou move inside the region: the residence follows unless the person lives elsewhere,
 * and moving into a city community usually turns a rural hukou urban (农转非).
 */
export function moveHukou(b: Batch, p: SimPerson, village: number): void {
  if (p.residence === p.hukou) p.residence = village;
  p.hukou = village;
  if (!p.urban && b.region.urbanShare[village] > 0.8 && b.rng.chance(0.8)) p.urban = true;
}

export function marry(a: SimPerson, b: SimPerson): void {
  a.marital = a.marital === '10' ? '21' : '22';
  b.marital = b.marital === '10' ? '21' : '22';
  a.spouse = b;
  b.spouse = a;
  a.flags |= REFERENCED;
  b.flags |= REFERENCED;
}

export function isMarried(p: SimPerson): boolean {
  return (p.marital === '21' || p.marital === '22') && p.spouse !== null;
}

/** Ethnicity of a child: a minority parent's, usually, when the parents differ. */
export function childEthnicity(rng: Rng, mother: string, father: string): string {
  if (mother === father) return father;
  if (father === '01') return rng.chance(0.8) ? mother : father;
  if (mother === '01') return rng.chance(0.8) ? father : mother;
  return rng.chance(0.5) ? father : mother;
}
