// The import write thread receives chunks packed as JSON texts (packed-chunk.ts); written, a
// packed chunk must leave the database exactly as the same chunk written plain. SQLite only:
// only the SQLite writer reads packed chunks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSqlite } from '../../src/registry/bulk.repository.ts';
import { packInto, type PackedLists } from '../../src/registry/packed-chunk.ts';
import { createTestContext, type TestDb } from '../support/dialects.ts';
import { CHUNK_IDS as ids, sampleChunks } from '../support/chunks.ts';

// Text a JSON round trip must keep: quotes, backslashes, line breaks, tabs, a NUL, characters outside the BMP.
const awkward = '王"小\\明\n\t\u0000𠀀😀';
const { first, second, audit } = sampleChunks(awkward);

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
