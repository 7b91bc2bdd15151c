// Bulk writes of the registry (bulk.repository.ts) on both dialects: PostgreSQL COPYs the
// inserts (pg-copy.ts), so text that COPY's format gives a meaning to (backslash, tab, line
// breaks, a literal \N) must come back as written, NULL must stay NULL, and a chunk that fails
// must leave nothing of itself behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.service.ts';
import { writeChunk } from '../../src/registry/bulk.repository.ts';
import { CHUNK_IDS as ids, chunkPerson, sampleChunks } from '../support/chunks.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { idFor } from '../support/factories.ts';

// PostgreSQL text holds no NUL, so unlike the packed-chunk test there is none here.
const awkward = '王"小\\明\n\t\r𠀀😀 \\N \\t';
const { first, second, audit } = sampleChunks(awkward);

describe.each(DIALECTS)('bulk writes (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestContext(dialect); });
  afterAll(async () => { await t.dispose(); });

  const persons = () => t.ctx.db.kysely.selectFrom('persons').selectAll().orderBy('id').execute();

  it('writes inserts, updates, replaced spans, events and families, text and NULLs as given', async () => {
    await writeChunk(t.ctx.db, { ...first, audit: audit(0) });
    await writeChunk(t.ctx.db, { ...second, audit: audit(1) });
    const db = t.ctx.db.kysely;
    const ps = await persons();
    expect(ps).toHaveLength(3);
    expect(ps.find((p) => p.id === ids.c)).toMatchObject({ name: awkward, phone: null, spouse_id: null, is_migrant: 1, synthetic: 1, mother_id: ids.b, version: 1 });
    expect(ps.find((p) => p.id === ids.b)).toMatchObject({ name: '李四', phone: '13912345678', status: 'alive' });
    expect(ps.find((p) => p.id === ids.a)).toMatchObject({ name: '张三丰', status: 'dead', death_date: '2025-03-01', version: 2, family_id: '01a2008d-0000-7000-8000-0000000000f1' });
    const spans = await db.selectFrom('person_spans').select(['person_id', 'start_date', 'end_date', 'residence_area_code']).orderBy('person_id').orderBy('start_date').execute();
    expect(spans).toEqual([
      { person_id: ids.a, start_date: '1980-01-01', end_date: '2025-03-01', residence_area_code: '510703001003' },
      { person_id: ids.b, start_date: '1980-01-01', end_date: null, residence_area_code: '510703001008' },
      { person_id: ids.c, start_date: '2020-02-29', end_date: null, residence_area_code: '510703001009' },
    ]);
    const events = await db.selectFrom('population_events').select(['id', 'kind', 'date', 'note', 'parity', 'version']).orderBy('id').execute();
    expect(events).toEqual([
      { id: '01a2008d-0000-7000-8000-0000000000e1', kind: 'marriage', date: '2024-05-20', note: '补录', parity: null, version: 2 },
      { id: '01a2008d-0000-7000-8000-0000000000e2', kind: 'death', date: '2025-03-01', note: null, parity: null, version: 1 },
      { id: '01a2008d-0000-7000-8000-0000000000e3', kind: 'birth', date: '2020-02-29', note: awkward, parity: 2, version: 1 },
    ]);
    expect(await db.selectFrom('families').select(['household_number', 'head_id']).execute()).toEqual([{ household_number: 'H-1', head_id: ids.a }]);
    const audits = await db.selectFrom('audit_log').select('detail').where('action', '=', 'import.persons').orderBy('seq').execute();
    expect(audits.map((a) => a.detail)).toEqual(['{"group":0}', '{"group":1}']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('leaves nothing of a chunk that fails, and writes the next one', async () => {
    const d = '01a2008d-0000-7000-8000-00000000000d';
    const clash = chunkPerson(ids.b); // person b is there already: the primary key refuses it
    const span = { person_id: d, start_date: '1990-01-01', end_date: null, hukou_area_code: '510703001003', residence_area_code: '510703001003' };
    await expect(writeChunk(t.ctx.db, { insertPersons: [chunkPerson(d, { birth_date: '1990-01-01' }), clash], spans: [span], audit: audit(2) })).rejects.toThrow();
    expect(await persons()).toHaveLength(3);
    expect(await t.ctx.db.kysely.selectFrom('person_spans').select('person_id').where('person_id', '=', d).execute()).toEqual([]);
    await writeChunk(t.ctx.db, { insertPersons: [chunkPerson(d, { birth_date: '1990-01-01', id_number: idFor('1990-01-01', 'M') })], spans: [span], audit: audit(3) });
    expect((await persons()).map((p) => p.id)).toContain(d);
    const audits = await t.ctx.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'import.persons').orderBy('seq').execute();
    expect(audits.map((a) => a.detail)).toEqual(['{"group":0}', '{"group":1}', '{"group":3}']);
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
  });
});
