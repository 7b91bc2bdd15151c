// A large persons import into a SQLite file writes on a thread of its own while the next
// group is planned (write-thread.ts). SQLite only: PostgreSQL writes in its own server process.
// Groups are made small here so that many of them pass through the thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { audit, verifyAuditChain } from '../../src/platform/audit/audit.service.ts';
import { restoreDerived } from '../../src/registry/imports/bulk-load.ts';
import { runImport } from '../../src/registry/imports/import.service.ts';
import { COMMIT_ROWS, writerSettings } from '../../src/registry/imports/import-writer.ts';
import { WriteThread } from '../../src/registry/imports/write-thread.ts';
import { createTestContext, type TestDb } from '../support/dialects.ts';
import { csv, familyRow as row, mothersAndChildren, PERSON_HEADER, personRows } from '../support/import-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-write-thread-'));
const write = (name: string, rows: string[][]) => { const p = path.join(dir, name); fs.writeFileSync(p, csv(PERSON_HEADER, rows)); return p; };

describe('persons imports written on a thread of their own (sqlite)', () => {
  let t: TestDb;
  const defaults = { ...writerSettings };
  beforeAll(async () => { t = await createTestContext('sqlite'); });
  afterAll(async () => { await t.dispose(); fs.rmSync(dir, { recursive: true, force: true }); });
  beforeEach(() => { writerSettings.threadMinBytes = 0; writerSettings.commitRows = 1000; });
  afterEach(() => { Object.assign(writerSettings, defaults); });
  const run = (file: string) => runImport(t.ctx, systemActor('5107'), { kind: 'persons', dryRun: false, scope: '5107', path: file, filename: path.basename(file), jobId: null });
  const db = () => t.ctx.db.kysely;
  const count = async (table: 'persons' | 'person_spans') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('gives every later group what the earlier ones wrote, one audited transaction per group', async () => {
    expect(defaults.commitRows).toBe(COMMIT_ROWS);
    const { mothers, children } = mothersAndChildren(3000);
    // A baby without an ID number met again three groups later: found, not inserted twice.
    const baby = row('', '无号婴儿', '女', '2026-01-15');
    const started = WriteThread.started;
    const auditBefore = await db().selectFrom('audit_log').select('seq').where('action', '=', 'import.persons').execute();
    const { summary } = await run(write('families.csv', [baby, ...mothers, ...children, [...baby]]));
    expect(WriteThread.started).toBe(started + 1);
    expect(summary).toMatchObject({ inserted: 6001, unchanged: 1, rejected: 0 });
    const linked = await db().selectFrom('persons as c').innerJoin('persons as m', 'm.id', 'c.mother_id')
      .select(['c.name as child', 'm.id_number as mother']).where('c.name', 'like', '孩子%').execute();
    expect(linked.length).toBe(3000);
    expect(linked.every((l) => l.mother === children.find((c) => c[1] === l.child)![10])).toBe(true);
    expect(await db().selectFrom('persons').select('id').where('name', '=', '无号婴儿').execute()).toHaveLength(1);
    const auditAfter = await db().selectFrom('audit_log').select('detail').where('action', '=', 'import.persons').orderBy('seq').execute();
    const groups = auditAfter.slice(auditBefore.length).map((a) => JSON.parse(a.detail!) as { inserted: number });
    expect(groups.length).toBeGreaterThanOrEqual(3); // batches of at least 2,000 rows, each one over the 1,000 of a group
    expect(groups.reduce((n, g) => n + g.inserted, 0)).toBe(6001);
    expect((await verifyAuditChain(db())).ok).toBe(true);
    expect((await run(write('families-again.csv', [baby, ...mothers, ...children]))).summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 6001 });
  });

  it('lets transactions of the main connection interleave with the thread’s commits', async () => {
    const file = write('interleaved.csv', personRows(8000, 400_000));
    const before = await count('persons');
    let writes = 0;
    let importing = true;
    const others = (async () => {
      // Each reads (the chain's last hash) before it writes: such a transaction must wait for the thread's commit, not fail.
      while (importing) {
        await db().transaction().execute((trx) => audit(trx, 'sqlite', systemActor('5107'), { action: 'test.concurrent', entityType: 'test', entityId: String(writes), areaCode: '5107' }));
        writes++;
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const { summary } = await run(file).finally(() => { importing = false; });
    await others;
    expect(summary).toMatchObject({ inserted: 8000, rejected: 0 });
    expect(writes).toBeGreaterThan(0);
    expect(await count('persons')).toBe(before + 8000);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('stops at a failed group: the groups before it stay whole, nothing of it is written, the indexes come back', async () => {
    const rows = personRows(5000, 500_000);
    rows[2500][1] = '写入失败';
    const file = write('fails.csv', rows);
    const before = await count('persons');
    t.ctx.db.sqlite!.exec("create trigger fail_import before insert on persons when new.name = '写入失败' begin select raise(abort, 'simulated write failure'); end");
    try {
      await expect(run(file)).rejects.toThrow('simulated write failure');
    } finally {
      t.ctx.db.sqlite!.exec('drop trigger fail_import');
    }
    const written = (await count('persons')) - before;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThanOrEqual(2500); // nothing from the failed group on
    // Whole groups only: the first rows of the file, as many as the audit rows of its groups say.
    const groups = await db().selectFrom('audit_log').select('detail').where('action', '=', 'import.persons').where('detail', 'like', '%fails.csv%').execute();
    expect(groups.reduce((n, g) => n + (JSON.parse(g.detail!) as { inserted: number }).inserted, 0)).toBe(written);
    const names = new Set((await db().selectFrom('persons').select('name').where('name', 'like', '测试5%').execute()).map((p) => p.name));
    expect(rows.slice(0, written).every((r) => names.has(r[1]))).toBe(true);
    expect(await count('person_spans')).toBe(await count('persons'));
    expect(await restoreDerived(t.ctx.db)).toEqual([]);
    expect((await verifyAuditChain(db())).ok).toBe(true);

    const again = (await run(file)).summary;
    expect(again).toMatchObject({ inserted: 5000 - written, unchanged: written, rejected: 0 });
  });
});
