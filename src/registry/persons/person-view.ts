// Shapes person rows for the API: area names, ages, and masking of personal numbers.
import type { EventRow, PersonRow, SpanRow } from '../../platform/db/schema.ts';
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.ts';
import type { AreaDirectory } from '../areas/area-directory.ts';
import { ageOn } from '../codes.ts';
import type { PersonListRow } from './person-search.repository.ts';

export const areaRef = (areas: AreaDirectory, code: string | null) => (code ? { code, name: areas.fullName(code, code.slice(0, 4)) || code } : null);

export function personListItem(areas: AreaDirectory, p: PersonListRow, today: string) {
  return {
    id: p.id,
    idNumber: maskIdNumber(p.id_number),
    name: p.name,
    sex: p.sex,
    birthDate: p.birth_date,
    age: ageOn(p.birth_date, p.death_date ?? today),
    status: p.status,
    isMigrant: p.is_migrant === 1,
    hukouType: p.hukou_type,
    hukouArea: areaRef(areas, p.hukou_area_code),
    residenceArea: areaRef(areas, p.residence_area_code),
    version: p.version,
  };
}

export function personRef(p: PersonRow) {
  return { id: p.id, name: p.name, sex: p.sex, birthDate: p.birth_date, idNumber: maskIdNumber(p.id_number), status: p.status };
}

export function eventView(areas: AreaDirectory, e: EventRow, spouse: PersonRow | undefined) {
  return {
    id: e.id,
    kind: e.kind,
    personId: e.person_id,
    date: e.date,
    area: areaRef(areas, e.area_code),
    fromArea: areaRef(areas, e.from_area_code),
    spouse: spouse ? personRef(spouse) : null,
    parity: e.parity,
    note: e.note,
    version: e.version,
    createdAt: e.created_at,
  };
}

export interface PersonDetailParts {
  person: PersonRow;
  unmasked: boolean;
  today: string;
  relatives: Map<string, PersonRow>;
  children: { row: PersonRow; parity: number }[];
  family: { id: string; householdNumber: string; members: PersonRow[] } | null;
  spans: SpanRow[];
  events: EventRow[];
}

export function personDetail(areas: AreaDirectory, d: PersonDetailParts) {
  const p = d.person;
  const rel = (id: string | null) => (id && d.relatives.get(id) ? personRef(d.relatives.get(id)!) : null);
  // Object.assign, not a spread followed by more properties: Node 20's V8 builds such a literal on a
  // slow path, ten times slower here, whose garbage ends up in the old generation.
  return Object.assign(personListItem(areas, p, d.today), {
    idNumber: d.unmasked ? p.id_number : maskIdNumber(p.id_number),
    idNumberMasked: !d.unmasked && !!p.id_number,
    phone: d.unmasked ? p.phone : maskPhone(p.phone),
    ethnicity: p.ethnicity,
    maritalStatus: p.marital_status,
    disabilityGrade: p.disability_grade,
    deathDate: p.death_date,
    synthetic: p.synthetic === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    spouse: rel(p.spouse_id),
    mother: rel(p.mother_id),
    father: rel(p.father_id),
    children: d.children.map((c) => Object.assign(personRef(c.row), { parity: c.parity })),
    family: d.family ? { id: d.family.id, householdNumber: d.family.householdNumber, members: d.family.members.map(personRef) } : null,
    spans: d.spans.map((s) => ({
      startDate: s.start_date,
      endDate: s.end_date,
      hukouArea: areaRef(areas, s.hukou_area_code),
      residenceArea: areaRef(areas, s.residence_area_code),
    })),
    events: d.events.map((e) => eventView(areas, e, e.spouse_id ? d.relatives.get(e.spouse_id) : undefined)),
  });
}

export type PersonDetail = ReturnType<typeof personDetail>;
