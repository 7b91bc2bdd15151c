// Use cases of population events: record, correct and remove them, and register births.
// Every change re-derives the person's spans and status in the same transaction.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { EventRow, NewEvent, PersonRow } from '../../platform/db/schema.ts';
import { AppError, notFound, staleVersion, validationFailed, type FieldError } from '../../platform/http/errors.ts';
import { refreshDerived } from '../persons/derived.ts';
import { checkArea, checkIdentity } from '../persons/person-input.ts';
import { eventView } from '../persons/person-view.ts';
import * as persons from '../persons/persons.repository.ts';
import { forgetCounts } from '../persons/search-counts.ts';
import { getPersonQuiet } from '../persons/persons.service.ts';
import type { BirthInput, EventCreateInput, EventUpdateInput } from './event-input.ts';
import { checkEventFits, maritalAfter } from './event-rules.ts';
import * as repo from './events.repository.ts';

const duplicate = () => new AppError(409, 'conflict.duplicate_event', {}, [{ field: 'date', code: 'conflict.duplicate_event' }]);

function newEvent(e: Omit<NewEvent, 'id' | 'version' | 'created_at' | 'updated_at' | 'note' | 'import_job_id' | 'from_area_code' | 'spouse_id' | 'mother_id' | 'father_id' | 'parity'> & Partial<NewEvent>): NewEvent {
  const now = new Date().toISOString();
  return { from_area_code: null, spouse_id: null, mother_id: null, father_id: null, parity: null, note: null, import_job_id: null, ...e, id: uuidv7(), version: 1, created_at: now, updated_at: now };
}

function areaErrors(ctx: AppContext, actor: Actor, kind: string, input: { areaCode: string; fromAreaCode?: string | null }, person: PersonRow): FieldError[] {
  // A move in must land inside the user's area; other events are registered where the person is.
  if (kind === 'move_in') return checkArea(ctx.areas, 'areaCode', input.areaCode, actor.areaCode);
  if (kind === 'move_out' && input.areaCode !== person.hukou_area_code) return [{ field: 'areaCode', code: 'field.invalid' }];
  return checkArea(ctx.areas, 'areaCode', input.areaCode, null);
}

export async function addEvent(ctx: AppContext, actor: Actor, personId: string, input: EventCreateInput) {
  const db = ctx.db.kysely;
  const person = await persons.findPerson(db, actor.areaCode, personId);
  if (!person) throw notFound();
  const errors = checkEventFits(input.kind, input.date, person, ctx.today());
  errors.push(...areaErrors(ctx, actor, input.kind, input, person));
  let spouse: PersonRow | undefined;
  if (input.kind === 'marriage' || input.kind === 'divorce') {
    spouse = input.spouseId ? await persons.findPerson(db, actor.areaCode, input.spouseId) : undefined;
    if (!spouse || spouse.id === person.id) errors.push({ field: 'spouseId', code: input.spouseId ? 'field.person.not_found' : 'field.required' });
  }
  if (errors.length) throw validationFailed(errors);
  const row = newEvent({
    kind: input.kind, person_id: person.id, date: input.date, area_code: input.areaCode,
    from_area_code: input.kind === 'move_in' ? input.fromAreaCode ?? null : null,
    spouse_id: spouse?.id ?? null, note: input.note ?? null,
  });
  await db.transaction().execute(async (trx) => {
    if (await repo.eventExists(trx, row.kind, row.person_id, row.date)) throw duplicate();
    await repo.insertEvent(trx, row);
    if (spouse && (input.kind === 'marriage' || input.kind === 'divorce')) await linkSpouses(trx, input.kind, person, spouse, row);
    await refreshDerived(trx, ctx, person);
    await audit(trx, ctx.db.dialect, actor, { action: `event.create`, entityType: 'event', entityId: row.id, areaCode: person.hukou_area_code, detail: { kind: row.kind, personId: person.id, date: row.date } });
  });
  forgetCounts(ctx.db);
  return eventView(ctx.areas, { ...row, version: 1 } as EventRow, spouse);
}

/** Marriage and divorce are recorded for both spouses and change both records. */
async function linkSpouses(trx: Executor, kind: 'marriage' | 'divorce', a: PersonRow, b: PersonRow, event: NewEvent) {
  if (!(await repo.eventExists(trx, kind, b.id, event.date))) {
    await repo.insertEvent(trx, newEvent({ kind, person_id: b.id, date: event.date, area_code: event.area_code, spouse_id: a.id, note: event.note }));
  }
  const now = new Date().toISOString();
  for (const [p, other] of [[a, b], [b, a]] as const) {
    await persons.updatePersonDerived(trx, p.id, { spouse_id: kind === 'marriage' ? other.id : null, marital_status: maritalAfter(kind, p.marital_status), updated_at: now });
  }
}

export async function registerBirth(ctx: AppContext, actor: Actor, input: BirthInput) {
  const db = ctx.db.kysely;
  const today = ctx.today();
  const errors: FieldError[] = [];
  const mother = await persons.findPerson(db, actor.areaCode, input.motherId);
  const father = input.fatherId ? await persons.findPerson(db, actor.areaCode, input.fatherId) : undefined;
  if (!mother || mother.sex !== 'F') errors.push({ field: 'motherId', code: 'field.person.not_found' });
  else errors.push(...checkEventFits('birth', input.date, mother, today).map((e) => ({ ...e, field: e.field === 'kind' ? 'motherId' : e.field })));
  if (input.fatherId && (!father || father.sex !== 'M')) errors.push({ field: 'fatherId', code: 'field.person.not_found' });
  errors.push(...checkArea(ctx.areas, 'areaCode', input.areaCode, actor.areaCode));
  const identity = checkIdentity({ idNumber: input.idNumber, birthDate: input.date, sex: input.sex }, today);
  errors.push(...identity.errors.map((e) => ({ ...e, field: e.field === 'birthDate' ? 'date' : e.field })));
  if (errors.length || !mother) throw validationFailed(errors);

  const childId = uuidv7();
  const now = new Date().toISOString();
  const siblings = await persons.childBirthDatesOfMother(db, mother.id);
  const parity = siblings.filter((s) => s.birth_date <= input.date).length + 1;
  const event = newEvent({ kind: 'birth', person_id: childId, date: input.date, area_code: input.areaCode, mother_id: mother.id, father_id: father?.id ?? null, parity });
  await db.transaction().execute(async (trx) => {
    if (identity.idNumber && (await persons.idNumberTaken(trx, identity.idNumber))) {
      throw new AppError(409, 'conflict.duplicate_id_number', {}, [{ field: 'idNumber', code: 'conflict.duplicate_id_number' }]);
    }
    const child: PersonRow = {
      id: childId, id_number: identity.idNumber, name: input.name, sex: input.sex, birth_date: input.date,
      ethnicity: input.ethnicity ?? mother.ethnicity, hukou_type: input.hukouType ?? mother.hukou_type, marital_status: '10', disability_grade: null,
      phone: null, hukou_area_code: input.areaCode, residence_area_code: input.areaCode, death_date: null, status: 'alive',
      is_migrant: 0, mother_id: mother.id, father_id: father?.id ?? null, spouse_id: null, family_id: mother.family_id,
      synthetic: 0, version: 1, created_at: now, updated_at: now,
    };
    await persons.insertPerson(trx, child);
    await repo.insertEvent(trx, event);
    await refreshDerived(trx, ctx, child);
    await audit(trx, ctx.db.dialect, actor, { action: 'birth.register', entityType: 'person', entityId: childId, areaCode: input.areaCode, detail: { motherId: mother.id, parity, date: input.date } });
  });
  forgetCounts(ctx.db);
  return { person: await getPersonQuiet(ctx, actor, childId), event: eventView(ctx.areas, { ...event, version: 1 } as EventRow, undefined) };
}

export async function updateEvent(ctx: AppContext, actor: Actor, id: string, input: EventUpdateInput) {
  const db = ctx.db.kysely;
  const event = await repo.findEvent(db, actor.areaCode, id);
  if (!event) throw notFound();
  const person = (await persons.findPerson(db, actor.areaCode, event.person_id))!;
  const date = input.date ?? event.date;
  const areaCode = input.areaCode ?? event.area_code;
  const errors = date > ctx.today() ? [{ field: 'date', code: 'field.date.future' }] : date < person.birth_date ? [{ field: 'date', code: 'field.date.before_birth' }] : [];
  if (input.areaCode) errors.push(...areaErrors(ctx, actor, event.kind === 'move_out' ? 'other' : event.kind, { areaCode }, person));
  if (errors.length) throw validationFailed(errors);
  await db.transaction().execute(async (trx) => {
    if (date !== event.date && (await repo.eventExists(trx, event.kind, event.person_id, date, id))) throw duplicate();
    const ok = await repo.updateEventVersioned(trx, id, input.version, {
      date, area_code: areaCode,
      from_area_code: input.fromAreaCode !== undefined ? input.fromAreaCode : event.from_area_code,
      note: input.note !== undefined ? input.note : event.note,
      updated_at: new Date().toISOString(),
    });
    if (!ok) throw staleVersion();
    if (event.kind === 'birth' && date !== person.birth_date) await persons.updatePersonDerived(trx, person.id, { birth_date: date });
    await refreshDerived(trx, ctx, { ...person, birth_date: event.kind === 'birth' ? date : person.birth_date });
    await audit(trx, ctx.db.dialect, actor, { action: 'event.update', entityType: 'event', entityId: id, areaCode: person.hukou_area_code, detail: { kind: event.kind, version: input.version } });
  });
  forgetCounts(ctx.db);
  const fresh = (await repo.findEvent(db, actor.areaCode, id))!;
  return eventView(ctx.areas, fresh, undefined);
}

export async function deleteEvent(ctx: AppContext, actor: Actor, id: string, version: number) {
  const db = ctx.db.kysely;
  const event = await repo.findEvent(db, actor.areaCode, id);
  if (!event) throw notFound();
  const person = (await persons.findPerson(db, actor.areaCode, event.person_id))!;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteEventVersioned(trx, id, version))) throw staleVersion();
    await refreshDerived(trx, ctx, person);
    await audit(trx, ctx.db.dialect, actor, { action: 'event.delete', entityType: 'event', entityId: id, areaCode: person.hukou_area_code, detail: { kind: event.kind, date: event.date, personId: person.id } });
  });
  forgetCounts(ctx.db);
}
