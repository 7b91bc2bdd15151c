// Persons imports written many batches per transaction (import-writer.ts): a batch planned
// while earlier ones are still in memory gets what it would get had they been committed, and
// the search indexes and aggregate triggers a large import drops or disables come back, also
// after a kill. On both dialects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../../src/platform/boot.ts';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.service.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { csv, familyRow as row, mothersAndChildren, PERSON_HEADER, personRows } from '../support/import-files.ts';
import { BULK_MIN_ROWS, restoreDerived, suspendDerived } from '../../src/registry/imports/bulk-load.ts';
import { runImport } from '../../src/registry/imports/import.service.ts';
import { makeIdNumber } from '../../src/registry/id-number.ts';
import { rebuildPopulationAggregates } from '../../src/stats/aggregates.service.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-writer-'));
const write = (name: string, rows: string[][]) => { const p = path.join(dir, name); fs.writeFileSync(p, csv(PERSON_HEADER, rows)); return p; };

describe.each(DIALECTS)('persons imports in large transactions on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestContext(dialect); });
  afterAll(async () => t.dispose());
  const run = (file: string) => runImport(t.ctx, systemActor('5107'), { kind: 'persons', dryRun: false, scope: '5107', path: file, filename: path.basename(file), jobId: null });
  const db = () => t.ctx.db.kysely;

  it('links relatives from earlier batches not yet committed, in one audited transaction', async () => {
    const { mothers, children } = mothersAndChildren(3000);
    const auditBefore = await db().selectFrom('audit_log').select('seq').where('action', '=', 'import.persons').execute();
    const first = (await run(write(`rel-${dialect}.csv`, [...mothers, ...children]))).summary;
    expect(first).toMatchObject({ inserted: 6000, rejected: 0 });
    const linked = await db().selectFrom('persons as c').innerJoin('persons as m', 'm.id', 'c.mother_id')
      .select(['c.name as child', 'm.id_number as mother']).where('c.name', 'like', '孩子%').execute();
    expect(linked.length).toBe(3000);
    expect(linked.every((l) => l.mother === children.find((c) => c[1] === l.child)![10])).toBe(true);
    const auditAfter = await db().selectFrom('audit_log').select('seq').where('action', '=', 'import.persons').execute();
    expect(auditAfter.length - auditBefore.length).toBe(1); // 6,000 rows: one transaction
    expect((await run(write(`rel2-${dialect}.csv`, [...mothers, ...children]))).summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 6000 });
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('matches a person without an ID number met again in a later batch, as if it were committed', async () => {
    const baby = row('', '无号婴儿', '女', '2026-01-15');
    const filler = personRows(3000, 20_000);
    const { summary } = await run(write(`baby-${dialect}.csv`, [baby, ...filler, [...baby]]));
    expect(summary).toMatchObject({ inserted: 3001, unchanged: 1, rejected: 0 });
    const babies = await db().selectFrom('persons').select('id').where('name', '=', '无号婴儿').execute();
    expect(babies.length).toBe(1);
  });
});

// SQLite drops indexes and triggers for large imports (PostgreSQL keeps its indexes: its writes do not rewrite them per commit).
describe('search indexes and aggregate triggers around a large import on sqlite', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestContext('sqlite'); });
  afterAll(async () => t.dispose());
  const run = (file: string) => runImport(t.ctx, systemActor('5107'), { kind: 'persons', dryRun: false, scope: '5107', path: file, filename: path.basename(file), jobId: null });
  const dialect = 'sqlite';

  const names = () => t.ctx.db.sqlite!.prepare("select name from sqlite_master where type in ('index', 'trigger') and sql is not null and tbl_name in ('persons', 'person_spans') order by name").pluck().all();
  const aggregates = () => t.ctx.db.sqlite!.prepare(
    "select 'd' as t, basis, area_code, sex, date, delta as n from stats_population_deltas where delta <> 0 union all select 't', basis, area_code, sex, '', total from stats_population_totals where total <> 0"
    + " union all select 'v', basis, area_code, kind || '/' || sex || '/' || parity, date, n from stats_vital_counts where n <> 0 order by 1, 2, 3, 4, 5",
  ).all();
  /** The aggregates as a fresh count from the spans gives them (rolled back afterwards). */
  const recount = async () => {
    let fresh: unknown[] = [];
    const rollback = new Error('rollback');
    await t.ctx.db.kysely.transaction().execute(async (trx) => {
      await rebuildPopulationAggregates(trx);
      fresh = aggregates();
      throw rollback;
    }).catch((e: unknown) => { if (e !== rollback) throw e; });
    return fresh;
  };

  it('drops them during a large import and builds them again; after a kill the next import or start restores them', async () => {
    const all = names();
    expect(all).toContain('persons_name');
    expect(all).toContain('stats_spans_insert');
    // Children first, naming mothers whose rows come at the end of the file: linked in the
    // transaction that builds the indexes again.
    const rows = personRows(BULK_MIN_ROWS + 5_000, 100_000);
    const mothers = rows.filter((r) => r[2] === '女' && r[3] < '1980').slice(-3);
    const children = mothers.map((m, i) => row(makeIdNumber('510703', `2015-06-0${i + 1}`, 101 + 2 * i), `后链孩子${i}`, '男', `2015-06-0${i + 1}`, m[0]));
    const { summary } = await run(write(`big-${dialect}.csv`, [...children, ...rows]));
    expect(summary).toMatchObject({ inserted: BULK_MIN_ROWS + 5_003, rejected: 0 });
    expect(names()).toEqual(all);
    const linked = await t.ctx.db.kysely.selectFrom('persons as c').innerJoin('persons as m', 'm.id', 'c.mother_id')
      .select(['c.name', 'm.id_number', 'c.version']).where('c.name', 'like', '后链孩子%').orderBy('c.name').execute();
    expect(linked).toEqual(mothers.map((m, i) => ({ name: `后链孩子${i}`, id_number: m[0], version: 2 })));
    const audits = await t.ctx.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'import.relatives').execute();
    expect(audits.map((a) => JSON.parse(a.detail))).toEqual([{ file: `big-${dialect}.csv`, linked: 3 }]);
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
    // The index by mother was built after the links: a look-up through it finds them.
    const plan = t.ctx.db.sqlite!.prepare('explain query plan select id from persons where mother_id = ?').all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('persons_mother');
    for (const m of mothers) {
      const id = t.ctx.db.sqlite!.prepare('select id from persons where id_number = ?').pluck().get(m[0]);
      expect(t.ctx.db.sqlite!.prepare('select count(*) from persons where mother_id = ?').pluck().get(id)).toBe(1);
    }
    // Counted once at the end instead of by the triggers: the same aggregates.
    const afterBulk = aggregates();
    expect(afterBulk.length).toBeGreaterThan(100);
    expect(afterBulk).toEqual(await recount());

    await suspendDerived(t.ctx.db); // as a kill half-way through a large import leaves them
    expect(names()).toEqual(['stats_spans_person_dates']); // kept: spans come in person-id order
    await run(write(`small-${dialect}.csv`, personRows(10, 300_000)));
    expect(names()).toEqual(all);
    expect(await restoreDerived(t.ctx.db)).toEqual([]);
    expect(aggregates()).toEqual(await recount());
    expect(aggregates()).not.toEqual(afterBulk); // the ten persons are counted

    await suspendDerived(t.ctx.db);
    const again = await boot({ config: { ...t.ctx.config } }); // a server or CLI start
    await again.db.close();
    expect(names()).toEqual(all);
    expect(aggregates()).toEqual(await recount());
  });
});

// PostgreSQL keeps its indexes; it disables the aggregate triggers of a large import instead.
describe.each(DIALECTS.filter((d) => d === 'postgres'))('search indexes and aggregate triggers around a large import on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestContext(dialect); });
  afterAll(async () => t.dispose());
  const db = () => t.ctx.db.kysely;

  const triggers = async () => (await sql<{ name: string; enabled: string }>`
    select t.tgname as name, t.tgenabled as enabled from pg_trigger t
    where not t.tgisinternal and t.tgrelid in (to_regclass('persons'), to_regclass('person_spans'), to_regclass('population_events'))
    order by 1`.execute(db())).rows;
  const indexes = async () => (await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in ('persons', 'person_spans') order by 1`.execute(db())).rows;
  const SEARCH = ['persons_family', 'persons_father', 'persons_hukou', 'persons_mother', 'persons_name', 'persons_residence', 'persons_spouse', 'spans_hukou', 'spans_residence'];
  const aggregates = async (on: Kysely<Database> = db()) => (await sql`
    select 'd' as t, basis, area_code, sex, date, delta as n from stats_population_deltas where delta <> 0
    union all select 't', basis, area_code, sex, '', total from stats_population_totals where total <> 0
    union all select 'v', basis, area_code, kind || '/' || sex || '/' || parity, date, n from stats_vital_counts where n <> 0
    order by 1, 2, 3, 4, 5`.execute(on)).rows;
  /** The aggregates as a fresh count gives them (rolled back afterwards). */
  const recount = async () => {
    let fresh: unknown[] = [];
    const rollback = new Error('rollback');
    await db().transaction().execute(async (trx) => {
      await rebuildPopulationAggregates(trx);
      fresh = await aggregates(trx);
      throw rollback;
    }).catch((e: unknown) => { if (e !== rollback) throw e; });
    return fresh;
  };

  it('drops the search indexes and disables the triggers while a large import writes, then restores both with the aggregates counted; after a kill the next start does', async () => {
    const all = await triggers();
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.every((x) => x.enabled === 'O')).toBe(true);
    const before = await indexes();
    expect(SEARCH.every((n) => before.some((i) => i.name === n))).toBe(true);
    let disabledMidway = false;
    let droppedMidway: string[] | null = null;
    const file = write(`big-${dialect}.csv`, personRows(BULK_MIN_ROWS + 5_000, 100_000));
    const { summary } = await runImport(t.ctx, systemActor('5107'), { kind: 'persons', dryRun: false, scope: '5107', path: file, filename: path.basename(file), jobId: null },
      async () => {
        disabledMidway ||= (await triggers()).every((x) => x.enabled === 'D');
        const now = (await indexes()).map((i) => i.name);
        if (now.length < before.length) droppedMidway = before.map((i) => i.name).filter((n) => !now.includes(n));
      });
    expect(summary).toMatchObject({ inserted: BULK_MIN_ROWS + 5_000, rejected: 0 });
    expect(disabledMidway).toBe(true);
    expect(droppedMidway).toEqual(SEARCH); // primary keys, UNIQUE ID numbers and the spans' person index stay
    expect(await triggers()).toEqual(all);
    expect(await indexes()).toEqual(before); // the same definitions, partial ones included
    expect(await db().selectFrom('bulk_dropped_indexes').selectAll().execute()).toEqual([]);
    const afterBulk = await aggregates();
    expect(afterBulk.length).toBeGreaterThan(100);
    expect(afterBulk).toEqual(await recount());

    await suspendDerived(t.ctx.db); // as a kill half-way through a large import leaves them
    expect((await triggers()).every((x) => x.enabled === 'D')).toBe(true);
    expect((await indexes()).map((i) => i.name).filter((n) => SEARCH.includes(n))).toEqual([]);
    expect((await db().selectFrom('bulk_dropped_indexes').select('name').orderBy('name').execute()).map((r) => r.name)).toEqual(SEARCH);
    await sql`update stats_population_totals set total = total + 1`.execute(db()); // stale, as writes meanwhile would leave them
    const again = await boot({ schema: t.schema, config: { ...t.ctx.config } }); // a server or CLI start
    await again.db.close();
    expect(await triggers()).toEqual(all);
    expect(await indexes()).toEqual(before);
    expect(await aggregates()).toEqual(afterBulk);
    expect(await restoreDerived(t.ctx.db)).toEqual([]);
  }, 180_000);
});
