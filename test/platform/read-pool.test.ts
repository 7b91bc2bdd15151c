// SQLite person searches run on reader threads (read-pool.ts): they must find exactly what the
// main connection finds, see a committed change at once, keep the main thread free while a
// long query runs, and report a bad query, or readers that stopped, as an error rather than hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { readerOf } from '../../src/platform/db/executor.ts';
import { searchPersons, updatePerson } from '../../src/registry/persons/persons.service.ts';
import { createTestContext, type TestDb } from '../support/dialects.ts';
import { AREAS, makePerson } from '../support/factories.ts';

describe('reader threads of a SQLite database', () => {
  let t: TestDb;
  const township = systemActor(AREAS.chengxiang);

  beforeAll(async () => {
    t = await createTestContext('sqlite', { config: { readWorkers: 2 } });
    for (let i = 0; i < 30; i++) await makePerson(t.ctx, { name: `读者${String(i).padStart(2, '0')}`, hukouAreaCode: i % 2 ? AREAS.jingzhong : AREAS.jiefang });
  });
  afterAll(async () => t.dispose());

  it('are started for a database file', () => {
    expect(t.ctx.db.reads?.size).toBe(2);
  });

  it('find the same page and total as the main connection', async () => {
    const viaReaders = await searchPersons(t.ctx, township, { q: '读者', page: 2, pageSize: 7 });
    const reads = t.ctx.db.reads;
    t.ctx.db.reads = undefined;
    try {
      const direct = await searchPersons(t.ctx, township, { q: '读者', page: 2, pageSize: 7 });
      expect(viaReaders.items.map((p) => p.name)).toEqual(direct.items.map((p) => p.name));
      expect(viaReaders.items.map((p) => p.name)).toEqual(['读者07', '读者08', '读者09', '读者10', '读者11', '读者12', '读者13']);
      expect(viaReaders.total).toBe(30);
    } finally {
      t.ctx.db.reads = reads;
    }
  });

  it('see a change as soon as it is committed', async () => {
    const first = (await searchPersons(t.ctx, township, { q: '读者00', page: 1, pageSize: 5 })).items[0];
    await updatePerson(t.ctx, systemActor(AREAS.city), first.id, { version: first.version, name: '改名者' });
    expect((await searchPersons(t.ctx, township, { q: '改名者', page: 1, pageSize: 5 })).items.map((p) => p.id)).toEqual([first.id]);
    expect((await searchPersons(t.ctx, township, { q: '读者00', page: 1, pageSize: 5 })).items).toEqual([]);
  });

  it('leave the main thread free while a long query runs', async () => {
    const read = readerOf(t.ctx.db);
    // About a second of work for SQLite: a recursive count to ten million.
    const slow = read(t.ctx.db.kysely.selectNoFrom(sql<number>`(with recursive c(n) as (select 1 union all select n + 1 from c where n < 10000000) select count(*) from c)`.as('n')));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const rows = await slow;
    clearInterval(timer);
    expect(Number(rows[0].n)).toBe(10_000_000);
    expect(ticks).toBeGreaterThan(10);
  });

  it('report a failing query as an error', async () => {
    const read = readerOf(t.ctx.db);
    await expect(read(t.ctx.db.kysely.selectFrom('no_such_table' as 'persons').selectAll())).rejects.toThrow(/no such table/);
  });

  // Last: it stops the readers.
  it('fail the reads still in flight when the readers stop', async () => {
    const read = readerOf(t.ctx.db);
    const slow = read(t.ctx.db.kysely.selectNoFrom(sql<number>`(with recursive c(n) as (select 1 union all select n + 1 from c where n < 10000000) select count(*) from c)`.as('n')));
    const quick = read(t.ctx.db.kysely.selectFrom('persons').select('id').limit(1));
    const failed = Promise.all([slow, quick].map((p) => expect(p).rejects.toThrow(/database reader stopped/)));
    await t.ctx.db.reads!.close();
    await failed;
    await expect(read(t.ctx.db.kysely.selectFrom('persons').select('id'))).rejects.toThrow(/closed/);
  });
});
