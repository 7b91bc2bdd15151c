// Two chunks of registry writes (bulk.repository.ts) that touch every list: inserts, whole-row
// updates, replaced spans, events and their updates, a family; `awkward` is the text put in a
// name and a note, to see it come back unchanged.
import type { AuditContent } from '../../src/platform/audit/audit-hash.ts';
import type { NewEvent, NewPerson } from '../../src/platform/db/schema.ts';
import type { Chunk } from '../../src/registry/bulk.repository.ts';
import { idFor } from './factories.ts';

const NOW = '2026-11-22T08:00:00.000Z';
export const CHUNK_IDS = { a: '01a2008d-0000-7000-8000-00000000000a', b: '01a2008d-0000-7000-8000-00000000000b', c: '01a2008d-0000-7000-8000-00000000000c' };
const ids = CHUNK_IDS;

export const chunkPerson = (id: string, over: Partial<NewPerson> = {}): NewPerson => ({
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

export function sampleChunks(awkward: string): { first: Chunk; second: Chunk; audit: (n: number) => AuditContent } {
  const first: Chunk = {
    insertPersons: [chunkPerson(ids.a, { id_number: idFor('1980-01-01', 'M') }), chunkPerson(ids.b, { name: '李四', sex: 'F', phone: '13912345678' })],
    spans: [
      { person_id: ids.a, start_date: '1980-01-01', end_date: null, hukou_area_code: '510703001003', residence_area_code: '510703001003' },
      { person_id: ids.b, start_date: '1980-01-01', end_date: null, hukou_area_code: '510703001003', residence_area_code: '510703001008' },
    ],
    events: [event('01a2008d-0000-7000-8000-0000000000e1', ids.b, { kind: 'marriage', spouse_id: ids.a })],
  };
  const second: Chunk = {
    families: [{ id: '01a2008d-0000-7000-8000-0000000000f1', household_number: 'H-1', area_code: '510703001003', head_id: ids.a, version: 1, created_at: NOW, updated_at: NOW }],
    insertPersons: [chunkPerson(ids.c, { name: awkward, birth_date: '2020-02-29', mother_id: ids.b, father_id: ids.a, is_migrant: 1, synthetic: 1 })],
    updatePersons: [chunkPerson(ids.a, { name: '张三丰', status: 'dead', death_date: '2025-03-01', version: 2, spouse_id: ids.b, family_id: '01a2008d-0000-7000-8000-0000000000f1' })],
    replaceSpansOf: [ids.a],
    spans: [
      { person_id: ids.a, start_date: '1980-01-01', end_date: '2025-03-01', hukou_area_code: '510703001003', residence_area_code: '510703001003' },
      { person_id: ids.c, start_date: '2020-02-29', end_date: null, hukou_area_code: '510703001003', residence_area_code: '510703001009' },
    ],
    events: [event('01a2008d-0000-7000-8000-0000000000e2', ids.a), event('01a2008d-0000-7000-8000-0000000000e3', ids.c, { kind: 'birth', date: '2020-02-29', mother_id: ids.b, father_id: ids.a, parity: 2, note: awkward })],
    updateEvents: [event('01a2008d-0000-7000-8000-0000000000e1', ids.b, { kind: 'marriage', spouse_id: ids.a, date: '2024-05-20', version: 2, note: '补录' })],
  };
  return { first, second, audit };
}
