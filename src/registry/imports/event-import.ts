// Plans the writes of one batch of valid population-event rows. An event is matched by
// (kind, person, date); a birth creates the child; every person an event touches gets its
// spans and status derived again from all of its events.
import { newId } from '../../platform/db/ids.ts';
import type { EventRow, NewEvent, NewPerson, PersonRow } from '../../platform/db/schema.ts';
import { maritalAfter } from '../events/event-rules.ts';
import { spanRows } from '../persons/derived.ts';
import { deriveState } from '../spans.ts';
import type { EventImport } from './event-row.ts';
import { inScope, type PlanContext, type PlannedBatch } from './import-context.ts';
import { childrenOfMothers, eventsOfPersons, personsByIdNumbers } from './import.repository.ts';

type Row = { line: number; value: EventImport };
type Person = PersonRow | NewPerson;

const KIND_ZH: Record<string, string> = { birth: '出生', death: '死亡', move_in: '迁入', move_out: '迁出', marriage: '结婚', divorce: '离婚' };

export async function planEventBatch(pc: PlanContext, rows: Row[]): Promise<PlannedBatch> {
  const db = pc.ctx.db.kysely;
  const out: PlannedBatch = { chunk: { insertPersons: [], updatePersons: [], replaceSpansOf: [], spans: [], events: [], updateEvents: [] }, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  const reject = (line: number, reason: string) => out.rejected.push({ line, reasons: [reason] });

  const numbers: string[] = [];
  for (const { value: v } of rows) for (const n of [v.idNumber, v.motherIdNumber, v.fatherIdNumber, v.spouseIdNumber]) if (n) numbers.push(n);
  const byNumber = await personsByIdNumbers(pc.ctx.db, numbers);
  const visible = (p: Person) => inScope(p.hukou_area_code, pc.scope) || inScope(p.residence_area_code, pc.scope);
  const motherIds = [...byNumber.values()].filter((p) => p.sex === 'F').map((p) => p.id);
  const children = await childrenOfMothers(db, motherIds);
  const created = new Map<string, NewPerson>(); // persons this batch creates, by id
  const createdByNumber = new Map<string, NewPerson>();
  const find = (n: string | null): Person | undefined => (n ? byNumber.get(n) ?? createdByNumber.get(n) : undefined);

  // Pass 1: who each row is about.
  const resolved: { row: Row; subject: Person; spouse?: Person; mother?: Person; father?: Person }[] = [];
  for (const row of rows) {
    const v = row.value;
    if (!inScope(v.areaCode, pc.scope)) { reject(row.line, `地区 ${v.areaCode} 不在导入范围（${pc.scope}）内`); continue; }
    if (v.kind === 'birth') {
      const mother = find(v.motherIdNumber);
      if (!mother || mother.sex !== 'F') { reject(row.line, `母亲身份号码 ${v.motherIdNumber} 未在人口库中登记`); continue; }
      if (!visible(mother)) { reject(row.line, '母亲不在您的管辖范围内'); continue; }
      const father = find(v.fatherIdNumber);
      let child = find(v.idNumber);
      if (!child && !v.idNumber) {
        const known = [...(children.get(mother.id) ?? []), ...[...created.values()].filter((c) => c.mother_id === mother.id)];
        child = known.find((c) => c.name === v.name && c.birth_date === v.date);
      }
      if (!child) {
        child = newChild(pc, v, mother, father);
        created.set(child.id, child);
        if (child.id_number) createdByNumber.set(child.id_number, child);
        if (!children.has(mother.id)) children.set(mother.id, []);
      }
      if (child.birth_date !== v.date) { reject(row.line, `出生日期与已登记的出生日期不一致（登记为 ${child.birth_date}）`); continue; }
      resolved.push({ row, subject: child, mother, father });
      continue;
    }
    let subject = find(v.idNumber);
    if (!subject && v.kind === 'move_in' && v.name && v.sex) {
      subject = newMover(pc, v);
      created.set(subject.id, subject);
      createdByNumber.set(subject.id_number!, subject);
    }
    if (!subject) { reject(row.line, `公民身份号码 ${v.idNumber} 未在人口库中登记${v.kind === 'move_in' ? '（迁入新人员须填写姓名和性别）' : ''}`); continue; }
    if (v.kind !== 'move_in' && !visible(subject)) { reject(row.line, '该人员不在您的管辖范围内'); continue; }
    if (v.date < subject.birth_date) { reject(row.line, `变动日期早于出生日期（${subject.birth_date}）`); continue; }
    let spouse: Person | undefined;
    if (v.kind === 'marriage' || v.kind === 'divorce') {
      spouse = find(v.spouseIdNumber);
      if (!spouse || spouse.id === subject.id) { reject(row.line, `配偶身份号码 ${v.spouseIdNumber} 未在人口库中登记`); continue; }
    }
    resolved.push({ row, subject, spouse });
  }

  // Pass 2: the events, compared with what is recorded.
  const existingIds = new Set<string>();
  for (const r of resolved) for (const p of [r.subject, r.spouse]) if (p && !created.has(p.id)) existingIds.add(p.id);
  const recorded = await eventsOfPersons(db, [...existingIds]);
  const eventsOf = (id: string) => { let l = recorded.get(id); if (!l) { l = []; recorded.set(id, l); } return l; };
  const touched = new Map<string, Person>();
  const keyMatch = (e: EventRow, kind: string, date: string) => e.kind === kind && e.date === date;

  for (const { row, subject, spouse, mother, father } of resolved) {
    const v = row.value;
    const fields = {
      area_code: v.areaCode,
      from_area_code: v.kind === 'move_in' ? v.fromAreaCode : null,
      spouse_id: spouse?.id ?? null,
      mother_id: v.kind === 'birth' ? mother!.id : null,
      father_id: v.kind === 'birth' ? father?.id ?? null : null,
      parity: v.kind === 'birth' ? v.parity ?? parityOf(children.get(mother!.id) ?? [], created, mother!.id, subject) : null,
    };
    const list = eventsOf(subject.id);
    const existing = list.find((e) => keyMatch(e, v.kind, v.date));
    if (existing) {
      const same = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]);
      if (same) { out.unchanged++; continue; }
      Object.assign(existing, fields, { version: existing.version + 1, updated_at: pc.now, import_job_id: pc.jobId });
      out.chunk.updateEvents!.push(existing);
      out.updated++;
    } else {
      if (v.kind === 'death' && list.some((e) => e.kind === 'death')) { reject(row.line, `该人员已登记死亡（${list.find((e) => e.kind === 'death')!.date}）`); continue; }
      const e = newEvent(pc, v.kind, subject.id, v.date, fields);
      list.push(e as EventRow);
      out.chunk.events!.push(e);
      out.inserted++;
    }
    touched.set(subject.id, subject);
    if (spouse && (v.kind === 'marriage' || v.kind === 'divorce')) {
      const spouseEvents = eventsOf(spouse.id);
      if (!spouseEvents.some((e) => keyMatch(e, v.kind, v.date))) {
        const mirror = newEvent(pc, v.kind, spouse.id, v.date, { ...fields, spouse_id: subject.id });
        spouseEvents.push(mirror as EventRow);
        out.chunk.events!.push(mirror);
      }
      for (const [p, other] of [[subject, spouse], [spouse, subject]] as const) {
        p.spouse_id = v.kind === 'marriage' ? other.id : null;
        p.marital_status = maritalAfter(v.kind, p.marital_status ?? null);
        touched.set(p.id, p);
      }
    }
  }

  // Every touched person: derive spans and status from all of its events.
  const isLocal = (c: string) => pc.ctx.areas.has(c);
  for (const p of touched.values()) {
    const events = eventsOf(p.id);
    const state = deriveState({
      birthDate: p.birth_date, hukouAreaCode: p.hukou_area_code, residenceAreaCode: p.residence_area_code, isLocalArea: isLocal,
      events: events.map((e) => ({ kind: e.kind, date: e.date, areaCode: e.area_code, fromAreaCode: e.from_area_code })),
    });
    const next: NewPerson = { ...(p as NewPerson), status: state.status, death_date: state.deathDate, hukou_area_code: state.hukouAreaCode, residence_area_code: state.residenceAreaCode, is_migrant: state.isMigrant ? 1 : 0, updated_at: pc.now };
    out.chunk.spans!.push(...spanRows(p.id, state));
    if (created.has(p.id)) out.chunk.insertPersons!.push(next);
    else {
      next.version = (p.version ?? 1) + 1;
      out.chunk.updatePersons!.push(next);
      out.chunk.replaceSpansOf!.push(p.id);
    }
  }
  return out;
}

function parityOf(known: Person[], created: Map<string, NewPerson>, motherId: string, child: Person): number {
  const all = new Map<string, Person>();
  for (const c of known) all.set(c.id, c);
  for (const c of created.values()) if (c.mother_id === motherId) all.set(c.id, c);
  all.set(child.id, child);
  const order = [...all.values()].sort((a, b) => (a.birth_date < b.birth_date ? -1 : a.birth_date > b.birth_date ? 1 : a.id < b.id ? -1 : 1));
  return order.findIndex((c) => c.id === child.id) + 1;
}

function newEvent(pc: PlanContext, kind: EventImport['kind'], personId: string, date: string, f: Pick<NewEvent, 'area_code' | 'from_area_code' | 'spouse_id' | 'mother_id' | 'father_id' | 'parity'>): NewEvent {
  return { id: newId(), kind, person_id: personId, date, ...f, note: `导入：${KIND_ZH[kind]}`, import_job_id: pc.jobId, version: 1, created_at: pc.now, updated_at: pc.now };
}

function basePerson(pc: PlanContext, over: Partial<NewPerson> & Pick<NewPerson, 'name' | 'sex' | 'birth_date' | 'hukou_area_code'>): NewPerson {
  return {
    id: newId(), id_number: null, ethnicity: null, hukou_type: null, marital_status: null, phone: null,
    residence_area_code: over.hukou_area_code, death_date: null, status: 'alive', is_migrant: 0, mother_id: null, father_id: null,
    spouse_id: null, family_id: null, synthetic: 0, version: 1, created_at: pc.now, updated_at: pc.now, ...over,
  };
}

function newChild(pc: PlanContext, v: EventImport, mother: Person, father: Person | undefined): NewPerson {
  return basePerson(pc, {
    id_number: v.idNumber, name: v.name!, sex: v.sex!, birth_date: v.date, hukou_area_code: v.areaCode,
    ethnicity: mother.ethnicity, hukou_type: mother.hukou_type, marital_status: '10',
    mother_id: mother.id, father_id: father?.id ?? null, family_id: mother.family_id,
  });
}

function newMover(pc: PlanContext, v: EventImport): NewPerson {
  const id = v.idNumber!;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return basePerson(pc, { id_number: id, name: v.name!, sex: v.sex!, birth_date: birthDate, hukou_area_code: v.areaCode });
}
