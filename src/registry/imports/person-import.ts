// Plans the writes of one batch of valid persons rows: insert, update or leave unchanged,
// matched by ID number, so that importing the same file again changes nothing.
import { newId } from '../../platform/db/ids.ts';
import type { EventRow, NewEvent, NewPerson, NewSpan, PersonRow } from '../../platform/db/schema.ts';
import { spanRows } from '../persons/derived.ts';
import { deriveState } from '../spans.ts';
import { inScope, unnumberedKey, type PlanContext, type PlannedBatch } from './import-context.ts';
import { eventsOfPersons, findUnnumbered, idsByIdNumbers, personsByIdNumbers } from './import.repository.ts';
import type { PersonImport } from './person-row.ts';

type Row = { line: number; value: PersonImport };

// The columns an import may set, compared to decide "unchanged".
const COMPARED = ['name', 'sex', 'birth_date', 'ethnicity', 'hukou_type', 'marital_status', 'phone', 'mother_id', 'father_id', 'spouse_id', 'hukou_area_code', 'residence_area_code'] as const;

export async function planPersonBatch(pc: PlanContext, rows: Row[]): Promise<PlannedBatch> {
  const db = pc.ctx.db.kysely;
  const out: PlannedBatch = { chunk: { insertPersons: [], updatePersons: [], replaceSpansOf: [], spans: [], events: [] }, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  const reject = (line: number, reason: string) => out.rejected.push({ line, reasons: [reason] });

  // 1. Rows that cannot go further: outside the scope, or repeated in the file.
  const candidates: Row[] = [];
  for (const r of rows) {
    const v = r.value;
    if (!inScope(v.hukouAreaCode, pc.scope)) { reject(r.line, `户籍地 ${v.hukouAreaCode} 不在导入范围（${pc.scope}）内`); continue; }
    if (v.idNumber) {
      const first = pc.seen.get(v.idNumber);
      if (first !== undefined) { reject(r.line, `公民身份号码 ${v.idNumber} 在文件中重复出现（第${first}行已有）`); continue; }
      pc.seen.set(v.idNumber, r.line);
    }
    candidates.push(r);
  }
  // A person without an ID number met again in the file must find the first row's writes.
  const pending = pc.pending;
  const unnumbered = candidates.filter((r) => !r.value.idNumber).map((r) => unnumberedKey(r.value.name, r.value.birthDate, r.value.hukouAreaCode));
  if (pending && unnumbered.some((k) => pending.unnumbered.has(k))) await pending.flush();

  // 2. Existing persons by ID number (whole rows); relatives by ID number (their ids only), each
  // asked for once, and only when no pending batch inserts them (those are not in the database yet).
  const own: string[] = [];
  for (const { value: v } of candidates) if (v.idNumber) own.push(v.idNumber); // distinct: repeats were rejected above
  const relatives = new Map<string, string | null>(); // ID number → id, null while unknown
  const asked: string[] = [];
  for (const { value: v } of candidates) {
    for (const n of [v.motherIdNumber, v.fatherIdNumber, v.spouseIdNumber]) {
      if (!n || relatives.has(n)) continue;
      const id = pending?.ids.get(n) ?? null;
      relatives.set(n, id);
      if (id === null) asked.push(n);
    }
  }
  const known = await personsByIdNumbers(pc.ctx.db, own, true);
  await idsByIdNumbers(pc.ctx.db, asked, relatives);
  const newIds = new Map<string, string>(); // ID number → id of a person inserted by this batch
  const idOf = (n: string | null) => (n ? relatives.get(n) ?? newIds.get(n) ?? null : null);

  const existingRows: { row: Row; existing: PersonRow }[] = [];
  const fresh: { row: Row; id: string }[] = [];
  for (const r of candidates) {
    const v = r.value;
    const existing = v.idNumber ? known.get(v.idNumber) : await findUnnumbered(db, v.name, v.birthDate, v.hukouAreaCode);
    if (existing) {
      if (!inScope(existing.hukou_area_code, pc.scope) && !inScope(existing.residence_area_code, pc.scope)) {
        reject(r.line, '该公民身份号码已在其他地区登记，不在您的管辖范围内');
        continue;
      }
      existingRows.push({ row: r, existing });
    } else {
      const id = newId();
      if (v.idNumber) newIds.set(v.idNumber, id);
      fresh.push({ row: r, id });
    }
  }

  // 3. New persons: registered since birth in their hukou area; a death date becomes a death event.
  const isLocal = (c: string) => pc.ctx.areas.has(c);
  for (const { row, id } of fresh) {
    const v = row.value;
    const events: NewEvent[] = v.deathDate ? [deathEvent(pc, id, v)] : [];
    const person = personRow(pc, id, v, idOf);
    rememberLater(pc, person, v);
    applyDerived(person, events, isLocal, out.chunk.spans!);
    out.chunk.insertPersons!.push(person);
    out.chunk.events!.push(...events);
    out.inserted++;
  }

  // 4. Existing persons: compare, and rewrite only what changed.
  const eventsByPerson = existingRows.length ? await eventsOfPersons(db, existingRows.map((e) => e.existing.id)) : new Map<string, EventRow[]>();
  for (const { row, existing } of existingRows) {
    const v = row.value;
    const events = eventsByPerson.get(existing.id) ?? [];
    const movedByEvents = events.some((e) => e.kind === 'move_in' || e.kind === 'move_out' || e.kind === 'birth');
    const livesByEvents = events.some((e) => e.kind === 'residence_change');
    if (movedByEvents && v.hukouAreaCode !== existing.hukou_area_code) { reject(row.line, `户籍地与已登记的人口变动不一致（登记为 ${existing.hukou_area_code}），请通过迁入、迁出变动导入`); continue; }
    if (livesByEvents && v.residenceAreaCode !== existing.residence_area_code) { reject(row.line, `现居住地与已登记的居住地变更不一致（登记为 ${existing.residence_area_code}）`); continue; }
    const death = events.find((e) => e.kind === 'death');
    if (death && v.deathDate && death.date !== v.deathDate) { reject(row.line, `死亡日期与已登记的死亡变动不一致（登记为 ${death.date}）`); continue; }

    const next = personRow(pc, existing.id, v, idOf, existing);
    rememberLater(pc, next, v);
    const newEvents: NewEvent[] = v.deathDate && !death ? [deathEvent(pc, existing.id, v)] : [];
    const same = COMPARED.every((c) => next[c] === existing[c]) && newEvents.length === 0;
    if (same) { out.unchanged++; continue; }
    next.version = existing.version + 1;
    applyDerived(next, [...events, ...newEvents], isLocal, out.chunk.spans!);
    out.chunk.updatePersons!.push(next);
    out.chunk.replaceSpansOf!.push(existing.id);
    out.chunk.events!.push(...newEvents);
    out.updated++;
  }
  if (pending) {
    for (const [n, id] of newIds) pending.ids.set(n, id);
    for (const k of unnumbered) pending.unnumbered.add(k);
  }
  return out;
}

/** A relative who may come later in the file: linked once every row is written. */
function rememberLater(pc: PlanContext, p: NewPerson, v: PersonImport) {
  if (!pc.later) return;
  const cells = [['mother_id', v.motherIdNumber], ['father_id', v.fatherIdNumber], ['spouse_id', v.spouseIdNumber]] as const;
  for (const [column, idNumber] of cells) if (idNumber && p[column] === null) pc.later.push({ personId: p.id, column, idNumber });
}

function personRow(pc: PlanContext, id: string, v: PersonImport, idOf: (n: string | null) => string | null, existing?: PersonRow): NewPerson {
  return {
    id,
    id_number: v.idNumber,
    name: v.name,
    sex: v.sex,
    birth_date: v.birthDate,
    ethnicity: v.ethnicity ?? existing?.ethnicity ?? null,
    hukou_type: v.hukouType ?? existing?.hukou_type ?? null,
    marital_status: v.maritalStatus ?? existing?.marital_status ?? null,
    phone: v.phone ?? existing?.phone ?? null,
    hukou_area_code: v.hukouAreaCode,
    residence_area_code: v.residenceAreaCode,
    death_date: existing?.death_date ?? null,
    status: existing?.status ?? 'alive',
    is_migrant: existing?.is_migrant ?? 0,
    // An empty relative cell, or one we cannot find, keeps what is recorded.
    mother_id: idOf(v.motherIdNumber) ?? existing?.mother_id ?? null,
    father_id: idOf(v.fatherIdNumber) ?? existing?.father_id ?? null,
    spouse_id: idOf(v.spouseIdNumber) ?? existing?.spouse_id ?? null,
    family_id: existing?.family_id ?? null,
    synthetic: existing?.synthetic ?? 0,
    version: existing?.version ?? 1,
    created_at: existing?.created_at ?? pc.now,
    updated_at: pc.now,
  };
}

function deathEvent(pc: PlanContext, personId: string, v: PersonImport): NewEvent {
  return {
    id: newId(), kind: 'death', person_id: personId, date: v.deathDate!, area_code: v.hukouAreaCode, from_area_code: null,
    spouse_id: null, mother_id: null, father_id: null, parity: null, note: null, import_job_id: pc.jobId, version: 1, created_at: pc.now, updated_at: pc.now,
  };
}

function applyDerived(p: NewPerson, events: (NewEvent | EventRow)[], isLocal: (c: string) => boolean, spans: NewSpan[]) {
  const state = deriveState({
    birthDate: p.birth_date, hukouAreaCode: p.hukou_area_code, residenceAreaCode: p.residence_area_code, isLocalArea: isLocal,
    events: events.map((e) => ({ kind: e.kind, date: e.date, areaCode: e.area_code, fromAreaCode: e.from_area_code ?? null })),
  });
  p.status = state.status;
  p.death_date = state.deathDate;
  p.hukou_area_code = state.hukouAreaCode;
  p.residence_area_code = state.residenceAreaCode;
  p.is_migrant = state.isMigrant ? 1 : 0;
  spans.push(...spanRows(p.id, state));
}
