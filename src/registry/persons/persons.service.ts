// Use cases of the person register: search, read (audited), create, edit.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { can, type Actor } from '../../platform/auth/roles.ts';
import { readerOf, type Executor } from '../../platform/db/executor.ts';
import type { PersonRow, PersonStatus, PersonUpdate, Sex } from '../../platform/db/schema.ts';
import { AppError, notFound, staleVersion, validationFailed, type FieldError } from '../../platform/http/errors.ts';
import { eventsOfPerson } from '../events/events.repository.ts';
import { deriveState } from '../spans.ts';
import { refreshDerived, spanRows } from './derived.ts';
import { checkArea, checkIdentity, type PersonCreateInput, type PersonUpdateInput } from './person-input.ts';
import { personDetail, personListItem } from './person-view.ts';
import { countPersons, searchPersons as findPage, type PersonFilter } from './person-search.repository.ts';
import * as repo from './persons.repository.ts';
import { cachedCount, forgetCounts } from './search-counts.ts';

export interface SearchInput {
  q?: string;
  area?: string;
  basis?: 'hukou' | 'residence';
  sex?: Sex;
  status?: PersonStatus;
  migrant?: boolean;
  ageMin?: number;
  ageMax?: number;
  page: number;
  pageSize: number;
}

const COUNT_CAP = 10_000;

function shiftYears(date: string, years: number): string {
  return String(Number(date.slice(0, 4)) - years).padStart(4, '0') + date.slice(4);
}

export async function searchPersons(ctx: AppContext, actor: Actor, s: SearchInput) {
  const area = s.area ?? actor.areaCode;
  if (!area.startsWith(actor.areaCode) || !ctx.areas.has(area)) throw notFound();
  const today = ctx.today();
  const filter: PersonFilter = {
    scope: actor.areaCode,
    area,
    basis: s.basis ?? 'hukou',
    q: s.q?.trim() || undefined,
    sex: s.sex,
    status: s.status,
    migrant: s.migrant,
    // age a..b on today ⇔ born after today-(b+1) years and on or before today-a years
    birthFrom: s.ageMax !== undefined ? nextDay(shiftYears(today, s.ageMax + 1)) : undefined,
    birthTo: s.ageMin !== undefined ? shiftYears(today, s.ageMin) : undefined,
  };
  const db = ctx.db.kysely;
  const read = readerOf(ctx.db);
  // Counting stops at the cap: an exact count of a whole city is not worth a full scan.
  const [rows, total] = await Promise.all([
    // Not { ...filter, offset, limit }: see personDetail (person-view.ts).
    findPage(db, Object.assign({}, filter, { offset: (s.page - 1) * s.pageSize, limit: s.pageSize }), read),
    cachedCount(ctx.db, JSON.stringify(filter), () => countPersons(db, filter, COUNT_CAP, read)),
  ]);
  return {
    items: rows.map((r) => personListItem(ctx.areas, r, today)),
    page: s.page,
    pageSize: s.pageSize,
    total: Math.min(total, COUNT_CAP),
    totalIsLowerBound: total > COUNT_CAP,
  };
}

function nextDay(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Loads a person's whole record. Each read is audited: it shows personal data. */
export async function getPerson(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.db.kysely;
  const person = await repo.findPerson(db, actor.areaCode, id);
  if (!person) throw notFound();
  const unmasked = can(actor, 'persons.readFull');
  const detail = await loadDetail(ctx, db, actor, person, unmasked);
  await db.transaction().execute((trx) =>
    audit(trx, ctx.db.dialect, actor, { action: 'person.read', entityType: 'person', entityId: id, areaCode: person.hukou_area_code, detail: { unmasked } }),
  );
  return detail;
}

async function loadDetail(ctx: AppContext, db: Executor, actor: Actor, person: PersonRow, unmasked: boolean) {
  const scope = actor.areaCode;
  const [events, spans, children] = await Promise.all([
    eventsOfPerson(db, person.id),
    repo.spansOf(db, person.id),
    repo.childrenOf(db, scope, person.id),
  ]);
  const relIds = [person.spouse_id, person.mother_id, person.father_id, ...events.map((e) => e.spouse_id)].filter((x): x is string => !!x);
  const relatives = new Map((await repo.findPersonsByIds(db, scope, [...new Set(relIds)])).map((r) => [r.id, r]));
  const parities = new Map<string, number>();
  const siblingsOf = new Map<string, { id: string }[]>(); // the children mostly share one mother
  for (const c of children) {
    if (!c.mother_id) continue;
    let siblings = siblingsOf.get(c.mother_id);
    if (!siblings) siblingsOf.set(c.mother_id, (siblings = await repo.childBirthDatesOfMother(db, c.mother_id)));
    parities.set(c.id, siblings.findIndex((s) => s.id === c.id) + 1);
  }
  let family = null;
  if (person.family_id) {
    const f = await repo.findFamily(db, person.family_id);
    if (f) family = { id: f.id, householdNumber: f.household_number, members: await repo.familyMembers(db, scope, f.id) };
  }
  return personDetail(ctx.areas, {
    person,
    unmasked,
    today: ctx.today(),
    relatives,
    children: children.map((row) => ({ row, parity: parities.get(row.id) ?? 0 })),
    family,
    spans,
    events,
  });
}

async function checkRelatives(db: Executor, scope: string, ids: Record<string, string | null | undefined>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [field, id] of Object.entries(ids)) {
    if (id && !(await repo.findPerson(db, scope, id))) errors.push({ field, code: 'field.person.not_found' });
  }
  return errors;
}

export async function createPerson(ctx: AppContext, actor: Actor, input: PersonCreateInput) {
  const today = ctx.today();
  const { errors, idNumber } = checkIdentity(input, today);
  errors.push(...checkArea(ctx.areas, 'hukouAreaCode', input.hukouAreaCode, actor.areaCode));
  errors.push(...checkArea(ctx.areas, 'residenceAreaCode', input.residenceAreaCode, null));
  const db = ctx.db.kysely;
  errors.push(...(await checkRelatives(db, actor.areaCode, { motherId: input.motherId, fatherId: input.fatherId, spouseId: input.spouseId })));
  if (errors.length) throw validationFailed(errors);
  const id = uuidv7();
  const now = new Date().toISOString();
  const residence = input.residenceAreaCode ?? input.hukouAreaCode;
  const state = deriveState({ birthDate: input.birthDate, hukouAreaCode: input.hukouAreaCode, residenceAreaCode: residence, events: [], isLocalArea: (c) => ctx.areas.has(c) });
  await db.transaction().execute(async (trx) => {
    if (idNumber && (await repo.idNumberTaken(trx, idNumber))) {
      throw new AppError(409, 'conflict.duplicate_id_number', {}, [{ field: 'idNumber', code: 'conflict.duplicate_id_number' }]);
    }
    await repo.insertPerson(trx, {
      id,
      id_number: idNumber,
      name: input.name,
      sex: input.sex,
      birth_date: input.birthDate,
      ethnicity: input.ethnicity ?? null,
      hukou_type: input.hukouType ?? null,
      marital_status: input.maritalStatus ?? null,
      phone: input.phone ?? null,
      disability_grade: input.disabilityGrade ?? null,
      hukou_area_code: input.hukouAreaCode,
      residence_area_code: residence,
      death_date: null,
      status: state.status,
      is_migrant: state.isMigrant ? 1 : 0,
      mother_id: input.motherId ?? null,
      father_id: input.fatherId ?? null,
      spouse_id: input.spouseId ?? null,
      family_id: null,
      synthetic: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceSpans(trx, id, spanRows(id, state));
    await audit(trx, ctx.db.dialect, actor, { action: 'person.create', entityType: 'person', entityId: id, areaCode: input.hukouAreaCode, detail: { fields: Object.keys(input) } });
  });
  forgetCounts(ctx.db);
  return getPersonQuiet(ctx, actor, id);
}

const FIELD_COLUMNS: Record<string, keyof PersonUpdate> = {
  name: 'name', sex: 'sex', birthDate: 'birth_date', idNumber: 'id_number', ethnicity: 'ethnicity',
  hukouType: 'hukou_type', maritalStatus: 'marital_status', phone: 'phone', disabilityGrade: 'disability_grade', motherId: 'mother_id', fatherId: 'father_id',
};

export async function updatePerson(ctx: AppContext, actor: Actor, id: string, input: PersonUpdateInput) {
  const db = ctx.db.kysely;
  const person = await repo.findPerson(db, actor.areaCode, id);
  if (!person) throw notFound();
  const merged = {
    idNumber: input.idNumber !== undefined ? input.idNumber : person.id_number,
    birthDate: input.birthDate ?? person.birth_date,
    sex: input.sex ?? person.sex,
  };
  const { errors, idNumber } = checkIdentity(merged, ctx.today());
  errors.push(...(await checkRelatives(db, actor.areaCode, { motherId: input.motherId, fatherId: input.fatherId })));
  if (errors.length) throw validationFailed(errors);
  const changes: PersonUpdate = {};
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    const v = (input as Record<string, unknown>)[field];
    if (v !== undefined) (changes as Record<string, unknown>)[column] = field === 'idNumber' ? idNumber : v;
  }
  const changed = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== (person as Record<string, unknown>)[k]);
  await db.transaction().execute(async (trx) => {
    if (idNumber && idNumber !== person.id_number && (await repo.idNumberTaken(trx, idNumber, id))) {
      throw new AppError(409, 'conflict.duplicate_id_number', {}, [{ field: 'idNumber', code: 'conflict.duplicate_id_number' }]);
    }
    const ok = await repo.updatePersonVersioned(trx, id, input.version, { ...changes, updated_at: new Date().toISOString() });
    if (!ok) throw staleVersion();
    if (changes.birth_date && changes.birth_date !== person.birth_date) {
      const fresh = (await repo.findPerson(trx, actor.areaCode, id))!;
      await refreshDerived(trx, ctx, fresh);
    }
    await audit(trx, ctx.db.dialect, actor, { action: 'person.update', entityType: 'person', entityId: id, areaCode: person.hukou_area_code, detail: { changed, version: input.version } });
  });
  forgetCounts(ctx.db);
  return getPersonQuiet(ctx, actor, id);
}

/** The record returned right after a write: the write itself is already audited. */
export async function getPersonQuiet(ctx: AppContext, actor: Actor, id: string) {
  const person = await repo.findPerson(ctx.db.kysely, actor.areaCode, id);
  if (!person) throw notFound();
  return loadDetail(ctx, ctx.db.kysely, actor, person, can(actor, 'persons.readFull'));
}
