// Conversion of a finished batch into table rows (persons, families, population events).
import type { FamiliesTable, NewEvent, NewPerson } from '../../platform/db/schema.ts';
import type { Insertable } from 'kysely';
import { YEAR, isoOf } from './dates.ts';
import { mobileNumber } from './ids.ts';
import { ALIVE, DEAD, MOVED_OUT, type Batch, type SimFamily, type SimPerson } from './model.ts';

export type NewFamily = Insertable<FamiliesTable>;

export interface SeedBatch {
  families: NewFamily[];
  persons: NewPerson[];
  events: NewEvent[];
  /** Facts for later features: only children to be marked disabled (special-aid cases). */
  facts: { disabledChildIds: string[] };
}

const oldest = (list: SimPerson[]): SimPerson | null =>
  list.reduce<SimPerson | null>((o, p) => (o === null || p.birth < o.birth ? p : o), null);

function headOf(f: SimFamily): SimPerson | null {
  const h = f.head;
  if (h && h.family === f && h.status === ALIVE) return h;
  const alive = f.members.filter((m) => m.status === ALIVE);
  if (alive.length) return oldest(alive);
  return h && h.family === f ? h : oldest(f.members);
}

function phoneOf(b: Batch, p: SimPerson): string | null {
  const age = (b.ctx.today - p.birth) / YEAR;
  const share = age < 16 ? 0 : p.status === DEAD ? 0.3 : age < 70 ? 0.9 : age < 80 ? 0.6 : 0.35;
  return share > 0 && b.rng.chance(share) ? mobileNumber(b.rng) : null;
}

export function toRows(b: Batch): SeedBatch {
  const { ctx, region } = b;
  const at = ctx.instant;
  const families: NewFamily[] = [];
  for (const f of b.families) {
    if (f.members.length === 0) continue;
    const seq = ++ctx.householdSeq[f.village];
    families.push({
      id: f.id,
      household_number: region.codes[f.village] + String(seq).padStart(7, '0'),
      area_code: region.codes[f.village],
      head_id: headOf(f)?.id ?? null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
  }
  const persons: NewPerson[] = b.persons.map((p) => ({
    id: p.id,
    id_number: p.idNumber,
    name: p.name,
    sex: p.male ? 'M' : 'F',
    birth_date: isoOf(p.birth),
    ethnicity: p.ethnicity,
    hukou_type: p.urban ? 'urban' : 'rural',
    marital_status: p.marital,
    phone: phoneOf(b, p),
    hukou_area_code: region.codes[p.hukou],
    residence_area_code: region.codes[p.residence],
    death_date: p.status === DEAD ? isoOf(p.death) : null,
    status: p.status === DEAD ? 'dead' : p.status === MOVED_OUT ? 'moved_out' : 'alive',
    is_migrant: p.status === ALIVE && !region.sameTownship(p.hukou, p.residence) ? 1 : 0,
    mother_id: p.mother?.id ?? null,
    father_id: p.father?.id ?? null,
    spouse_id: p.spouse?.id ?? null,
    family_id: p.family?.id ?? null,
    synthetic: 1,
    version: 1,
    created_at: at,
    updated_at: at,
  }));
  return { families, persons, events: b.events, facts: { disabledChildIds: b.disabledChildren.map((p) => p.id) } };
}
