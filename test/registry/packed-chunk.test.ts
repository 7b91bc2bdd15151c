// The import write thread receives chunks packed as JSON texts (packed-chunk.ts); written, a
// packed chunk must leave the database exactly as the same chunk written plain. SQLite only:
// only the SQLite writer reads packed chunks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSqlite, type Chunk } from '../../src/registry/bulk.repository.ts';
import { packInto, type PackedLists } from '../../src/registry/packed-chunk.ts';
import type { NewEvent, NewPerson } from '../../src/platform/db/schema.ts';
import type { AuditContent } from '../../src/platform/audit/audit-hash.ts';
import { createTestContext, type TestDb } from '../support/dialects.ts';
import { idFor } from '../support/factories.ts';

const NOW = '2026-11-22T08:00:00.000Z';
const ids = { a: '01a2008d-0000-7000-8000-00000000000a', b: '01a2008d-0000-7000-8000-00000000000b', c: '01a2008d-0000-7000-8000-00000000000c' };

const person = (id: string, over: Partial<NewPerson> = {}): NewPerson => ({
  id, id_number: null, name: '张三', sex: 'M', birth_date: '1980-01-01', ethnicity: '01', hukou_type: 'rural', marital_status: null,
  phone: undefined, hukou_area_code: '510703001003', residence_area_code: '510703001003', death_date: null, status: 'alive', is_migrant: 0,
  mother_id: null, father_id: null, spouse_id: null, family_id: null, synthetic: 0, version: 1, created_at: NOW, updated_at: NOW, ...over,
});
const event = (id: string, personId: string, over: Partial<NewEvent> = {}): NewEvent => ({
  id, kind: 'death', person_id: personId, date: '2025-03-01', area_code: '510703001003', from_area_code: null, spouse_id: null,
  mother_id: null, father_id: null, parity: null, note: null, import_job_id: null, version: 1, created_at: NOW, updated_at: NOW, ...over,
});
const audit = (n: number): AuditContent => ({
  at: NOW, actor_id: null, actor_name: 'system', action: 'import.persons', entity_type: 'import', entity_id: null, area_code: '5107', ip: null, detail: `{"group":${n}}`,
});

const first: Chunk = {
  insertPersons: [person(ids.a, { id_number: idFor('1980-01-01', 'M') }), person(ids.b, { name: '李四', sex: 'F', phone: '13912345678' })],
  spans: [
    { person_id: ids.a, start_date: '1980-01-01', end_date: null, hukou_area_code: '510703001003', residence_area_code: '510703001003' },
    { person_id: ids.b, start_date: '1980-01-01', end_date: null, hukou_area_code: '510703001003', residence_area_code: '510703001008' },
  ],
  events: [event('01a2008d-0000-7000-8000-0000000000e1', ids.b, { kind: 'marriage', spouse_id: ids.a })],
};
// Text a JSON round trip must keep: quotes, backslashes, line breaks, tabs, a NUL, characters outside the BMP.
const awkward = '王"小\\明\n\t\u0000𠀀😀';
const second: Chunk = {
  families: [{ id: '01a2008d-0000-7000-8000-0000000000f1', household_number: 'H-1', area_code: '510703001003', head_id: ids.a, version: 1, created_at: NOW, updated_at: NOW }],
  insertPersons: [person(ids.c, { name: awkward, birth_date: '2020-02-29', mother_id: ids.b, father_id: ids.a, is_migrant: 1, synthetic: 1 })],
  updatePersons: [person(ids.a, { name: '张三丰', status: 'dead', death_date: '2025-03-01', version: 2, spouse_id: ids.b, family_id: '01a2008d-0000-7000-8000-0000000000f1' })],
  replaceSpansOf: [ids.a],
  spans: [
    { person_id: ids.a, start_date: '1980-01-01', end_date: '2025-03-01', hukou_area_code: '510703001003', residence_area_code: '510703001003' },
    { person_id: ids.c, start_date: '2020-02-29', end_date: null, hukou_area_code: '510703001003', residence_area_code: '510703001009' },
  ],
  events: [event('01a2008d-0000-7000-8000-0000000000e2', ids.a), event('01a2008d-0000-7000-8000-0000000000e3', ids.c, { kind: 'birth', date: '2020-02-29', mother_id: ids.b, father_id: ids.a, parity: 2, note: awkward })],
  updateEvents: [event('01a2008d-0000-7000-8000-0000000000e1', ids.b, { kind: 'marriage', spouse_id: ids.a, date: '2024-05-20', version: 2, note: '补录' })],
};

describe('packed chunks for the import write thread (sqlite)', () => {
  let plain: TestDb;
  let packed: TestDb;
  beforeAll(async () => { [plain, packed] = await Promise.all([createTestContext('sqlite'), createTestContext('sqlite')]); });
  afterAll(async () => { await plain.dispose(); await packed.dispose(); });

  const dump = (t: TestDb) => {
    const q = (s: string) => t.ctx.db.sqlite!.prepare(s).all();
    return {
      persons: q('select * from persons order by id'),
      spans: q('select * from person_spans order by id'),
      events: q('select * from population_events order by id'),
      families: q('select * from families order by id'),
      audit: q("select detail, hash from audit_log where action = 'import.persons' order by seq"),
      deltas: q('select * from stats_population_deltas order by 1, 2, 3, 4'),
    };
  };

  it('writes the same rows as the plain chunk: inserts, updates, replaced spans, events, families, audit', () => {
    [first, second].forEach((chunk, i) => {
      writeSqlite(plain.ctx.db.sqlite!, { ...chunk, audit: audit(i) });
      const lists: PackedLists = {};
      packInto(lists, chunk);
      expect(Object.values(lists).every((texts) => texts!.every((s) => typeof s === 'string'))).toBe(true);
      writeSqlite(packed.ctx.db.sqlite!, { packed: lists, audit: audit(i) });
    });
    const a = dump(plain);
    expect(a.persons).toHaveLength(3);
    expect(a.persons.find((p: any) => p.id === ids.c)).toMatchObject({ name: awkward, phone: null, is_migrant: 1 });
    expect(a.persons.find((p: any) => p.id === ids.a)).toMatchObject({ name: '张三丰', status: 'dead', version: 2 });
    expect(a.spans.filter((s: any) => s.person_id === ids.a)).toHaveLength(1);
    expect(a.events.find((e: any) => e.kind === 'marriage')).toMatchObject({ date: '2024-05-20', note: '补录', version: 2 });
    expect(a.deltas.length).toBeGreaterThan(0);
    expect(dump(packed)).toEqual(a);
  });

  it('packs several batches of one list as several texts, written in order', () => {
    const lists: PackedLists = {};
    packInto(lists, { replaceSpansOf: [ids.a] });
    packInto(lists, { replaceSpansOf: [ids.b], spans: [] });
    expect(lists).toEqual({ replaceSpansOf: [JSON.stringify([ids.a]), JSON.stringify([ids.b])] });
  });
});
