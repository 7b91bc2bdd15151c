// Use cases of the records behind the service indicators: preconception-check target couples of
// a year and their checks, migrant registrations, assisted (三结合) households. Persons are
// referred to by id (forms) or ID number (imports) and must lie within the user's area.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { nowIso } from '../platform/db/executor.ts';
import { AppError, notFound, staleVersion, validationFailed, type FieldError } from '../platform/http/errors.ts';
import { maskIdNumber } from '../platform/privacy/mask.ts';
import { getPersonQuiet, searchPersons } from '../registry/persons/persons.service.ts';
import { checkArea } from './stats.service.ts';
import * as repo from './service-records.repository.ts';
import type { RecordKind } from './service-records.repository.ts';

export type { RecordKind };

export interface CoupleInput { areaCode: string; year: number; wifeId: string; husbandId?: string | null; checkedOn?: string | null; checkPlace?: string | null; note?: string | null }
export interface MigrantInput { personId: string; areaCode: string; registeredOn: string; note?: string | null }
export interface AssistedInput { areaCode: string; year: number; headId: string; assistance: string; amountFen: number; assistedOn: string; note?: string | null }

async function personInScope(ctx: AppContext, actor: Actor, id: string | null | undefined, field: string, errors: FieldError[]) {
  if (!id) return null;
  try {
    return await getPersonQuiet(ctx, actor, id);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) { errors.push({ field, code: 'field.person.not_found' }); return null; }
    throw e;
  }
}

function areaErrors(ctx: AppContext, actor: Actor, code: string): FieldError[] {
  if (!ctx.areas.has(code)) return [{ field: 'areaCode', code: 'field.area.unknown' }];
  if (!code.startsWith(actor.areaCode)) return [{ field: 'areaCode', code: 'field.area.out_of_scope' }];
  return [];
}

const dateAfterToday = (ctx: AppContext, d: string | null | undefined) => !!d && d > ctx.today();

async function write(ctx: AppContext, actor: Actor, kind: RecordKind, row: Record<string, unknown>, detail: Record<string, unknown>) {
  const now = nowIso();
  const id = uuidv7();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertRecord(trx, kind, { id, ...row, version: 1, created_at: now, updated_at: now });
    await audit(trx, ctx.db.dialect, actor, { action: `service_record.${kind}.create`, entityType: 'service_record', entityId: id, areaCode: row.area_code as string, detail });
  });
  return id;
}

export async function addCouple(ctx: AppContext, actor: Actor, c: CoupleInput) {
  const errors = areaErrors(ctx, actor, c.areaCode);
  const wife = await personInScope(ctx, actor, c.wifeId, 'wifeId', errors);
  const husband = await personInScope(ctx, actor, c.husbandId, 'husbandId', errors);
  if (wife && wife.sex !== 'F') errors.push({ field: 'wifeId', code: 'field.invalid' });
  if (husband && husband.sex !== 'M') errors.push({ field: 'husbandId', code: 'field.invalid' });
  if (dateAfterToday(ctx, c.checkedOn)) errors.push({ field: 'checkedOn', code: 'field.date.future' });
  if (!errors.length && (await repo.coupleOfYear(ctx.db.kysely, c.year, c.wifeId))) errors.push({ field: 'wifeId', code: 'field.duplicate' });
  if (errors.length) throw validationFailed(errors);
  const id = await write(ctx, actor, 'couples', { area_code: c.areaCode, year: c.year, wife_id: c.wifeId, husband_id: c.husbandId ?? null, checked_on: c.checkedOn ?? null, check_place: c.checkPlace ?? null, note: c.note ?? null }, { year: c.year });
  return { id };
}

/** Records (or clears) the check of a target couple. */
export async function recordCheck(ctx: AppContext, actor: Actor, id: string, c: { version: number; checkedOn: string | null; checkPlace?: string | null; note?: string | null }) {
  if (dateAfterToday(ctx, c.checkedOn)) throw validationFailed([{ field: 'checkedOn', code: 'field.date.future' }]);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findRecord(trx, 'couples', actor.areaCode, id);
    if (!row) throw notFound();
    if (!(await repo.updateCheck(trx, id, c.version, { checked_on: c.checkedOn, check_place: c.checkPlace ?? null, note: c.note ?? null, updated_at: nowIso() }))) throw staleVersion();
    await audit(trx, ctx.db.dialect, actor, { action: 'service_record.couples.check', entityType: 'service_record', entityId: id, areaCode: row.area_code, detail: { checkedOn: c.checkedOn } });
  });
  return { id, version: c.version + 1 };
}

export async function addMigrantRegistration(ctx: AppContext, actor: Actor, m: MigrantInput) {
  const errors = areaErrors(ctx, actor, m.areaCode);
  await personInScope(ctx, actor, m.personId, 'personId', errors);
  if (dateAfterToday(ctx, m.registeredOn)) errors.push({ field: 'registeredOn', code: 'field.date.future' });
  if (!errors.length && (await repo.registrationExists(ctx.db.kysely, m.personId, m.registeredOn))) errors.push({ field: 'registeredOn', code: 'field.duplicate' });
  if (errors.length) throw validationFailed(errors);
  return { id: await write(ctx, actor, 'migrants', { person_id: m.personId, area_code: m.areaCode, registered_on: m.registeredOn, note: m.note ?? null }, { personId: m.personId }) };
}

export async function addAssisted(ctx: AppContext, actor: Actor, a: AssistedInput) {
  const errors = areaErrors(ctx, actor, a.areaCode);
  await personInScope(ctx, actor, a.headId, 'headId', errors);
  if (!Number.isSafeInteger(a.amountFen) || a.amountFen < 0) errors.push({ field: 'amountFen', code: 'field.invalid' });
  if (dateAfterToday(ctx, a.assistedOn)) errors.push({ field: 'assistedOn', code: 'field.date.future' });
  if (errors.length) throw validationFailed(errors);
  return { id: await write(ctx, actor, 'assisted', { area_code: a.areaCode, year: a.year, head_id: a.headId, assistance: a.assistance, amount_fen: a.amountFen, assisted_on: a.assistedOn, note: a.note ?? null }, { headId: a.headId, amountFen: a.amountFen }) };
}

export async function deleteRecord(ctx: AppContext, actor: Actor, kind: RecordKind, id: string, version: number) {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findRecord(trx, kind, actor.areaCode, id);
    if (!row) throw notFound();
    if (!(await repo.deleteRecord(trx, kind, id, version))) throw staleVersion();
    await audit(trx, ctx.db.dialect, actor, { action: `service_record.${kind}.delete`, entityType: 'service_record', entityId: id, areaCode: row.area_code });
  });
}

/** The records of an area (and below) for a year; ID numbers masked. */
export async function listRecords(ctx: AppContext, actor: Actor, kind: RecordKind, area: string, year: number) {
  checkArea(ctx, actor, area);
  const db = ctx.db.kysely;
  const name = (c: string) => ctx.areas.fullName(c, area.length >= 6 ? area.slice(0, 6) : area);
  if (kind === 'couples') {
    const rows = await repo.listCouples(db, area, year);
    return { items: rows.map((r) => ({ id: r.id, version: r.version, areaCode: r.area_code, areaName: name(r.area_code), year: r.year, wifeId: r.wife_id, wifeName: r.wife_name, wifeIdNumber: maskIdNumber(r.wife_id_number), husbandId: r.husband_id, husbandName: r.husband_name, checkedOn: r.checked_on, checkPlace: r.check_place, note: r.note })) };
  }
  if (kind === 'migrants') {
    const rows = await repo.listMigrantRegistrations(db, area, year);
    return { items: rows.map((r) => ({ id: r.id, version: r.version, areaCode: r.area_code, areaName: name(r.area_code), personId: r.person_id, name: r.name, idNumber: maskIdNumber(r.id_number), hukouArea: ctx.areas.fullName(r.hukou_area_code), registeredOn: r.registered_on, note: r.note })) };
  }
  const rows = await repo.listAssisted(db, area, year);
  return { items: rows.map((r) => ({ id: r.id, version: r.version, areaCode: r.area_code, areaName: name(r.area_code), year: r.year, headId: r.head_id, headName: r.head_name, headIdNumber: maskIdNumber(r.head_id_number), assistance: r.assistance, amountFen: Number(r.amount_fen), assistedOn: r.assisted_on, note: r.note })) };
}

/** The person of an ID number within the user's area, for imports. */
export async function personIdByIdNumber(ctx: AppContext, actor: Actor, idNumber: string): Promise<string | null> {
  const text = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(text)) return null;
  const r = await searchPersons(ctx, actor, { q: text, page: 1, pageSize: 2 });
  return r.items.length === 1 ? r.items[0].id : null;
}
