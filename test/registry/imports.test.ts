// Imports of persons and events through the real service, on both dialects: real files,
// repeated runs that change nothing, dry runs that write nothing, precise rejections.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.service.ts';
import { runImport, writeErrorReport } from '../../src/registry/imports/import.service.ts';
import { getPersonQuiet } from '../../src/registry/persons/persons.service.ts';
import { populationAt } from '../../src/registry/population/population.service.ts';
import { makeIdNumber } from '../../src/registry/id-number.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin } from '../support/factories.ts';
import { csv, EVENT_HEADER, PERSON_HEADER, personRows, readXlsxRows, xlsx } from '../support/import-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-import-'));
const write = (name: string, data: Buffer) => { const p = path.join(dir, name); fs.writeFileSync(p, data); return p; };

describe.each(DIALECTS)('imports on %s', (dialect) => {
  let t: TestDb;
  const run = (kind: 'persons' | 'events', file: string, dryRun = false, scope = '5107') =>
    runImport(t.ctx, systemActor(scope), { kind, dryRun, scope, path: file, filename: path.basename(file), jobId: null });
  const count = async (table: 'persons' | 'population_events' | 'person_spans') =>
    Number((await t.ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => { t = await createTestContext(dialect); });
  afterAll(async () => t.dispose());

  it('imports persons from UTF-8 CSV; a second run changes nothing; an edited row is updated', async () => {
    const rows = personRows(3000);
    const file = write(`p-${dialect}.csv`, csv(PERSON_HEADER, rows, 'utf8bom'));
    const first = (await run('persons', file)).summary;
    expect(first).toMatchObject({ total: 3000, inserted: 3000, updated: 0, unchanged: 0, rejected: 0, format: 'csv', encoding: 'utf-8' });
    expect(await count('persons')).toBe(3000);
    expect(await count('person_spans')).toBe(3000);
    const second = (await run('persons', file)).summary;
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 3000, rejected: 0 });
    rows[10][1] = '改名者';
    rows[11][12] = '2024-02-29'; // a death date: becomes a death event
    const third = (await run('persons', write(`p2-${dialect}.csv`, csv(PERSON_HEADER, rows)))).summary;
    expect(third).toMatchObject({ inserted: 0, updated: 2, unchanged: 2998 });
    const dead = await t.ctx.db.kysely.selectFrom('persons').selectAll().where('id_number', '=', rows[11][0]).executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ status: 'dead', death_date: '2024-02-29', version: 2 });
    expect((await run('persons', write(`p3-${dialect}.csv`, csv(PERSON_HEADER, rows)))).summary.unchanged).toBe(3000);
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
  });

  it('links a mother, a father and a spouse whose rows come later in the file, so a second run still changes nothing', async () => {
    const rows = personRows(4500, 50_000); // more than one batch: the relatives are planned after the persons naming them
    const child = rows[0]!, mother = rows[4499]!, son = rows[1]!, father = rows[4498]!, wife = rows[2]!, husband = rows[4497]!;
    mother[2] = '女';
    mother[0] = makeIdNumber('510703', '1930-01-01', 2);
    mother[3] = '1930-01-01';
    child[10] = mother[0]; // 母亲身份号码
    father[2] = '男';
    father[0] = makeIdNumber('510703', '1930-01-02', 3);
    father[3] = '1930-01-02';
    son[11] = father[0]; // 父亲身份号码
    wife[9] = husband[0]!; // 配偶身份号码
    const file = write(`later-${dialect}.csv`, csv(PERSON_HEADER, rows));
    const first = (await run('persons', file)).summary;
    expect(first).toMatchObject({ inserted: 4500, rejected: 0 });
    const person = (idNumber: string) => t.ctx.db.kysely.selectFrom('persons').selectAll().where('id_number', '=', idNumber).executeTakeFirstOrThrow();
    expect(await person(child[0]!)).toMatchObject({ mother_id: (await person(mother[0]!)).id, father_id: null, version: 2 });
    expect(await person(son[0]!)).toMatchObject({ father_id: (await person(father[0]!)).id, mother_id: null, version: 2 });
    expect(await person(wife[0]!)).toMatchObject({ spouse_id: (await person(husband[0]!)).id, version: 2 });
    expect((await person(rows[3]![0]!)).version).toBe(1); // no relative named: untouched
    // The links are a write of their own: audited, in the chain.
    const links = await t.ctx.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'import.relatives').where('detail', 'like', `%later-${dialect}.csv%`).execute();
    expect(links.map((l) => JSON.parse(l.detail!))).toEqual([{ file: `later-${dialect}.csv`, linked: 3 }]);
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
    expect((await run('persons', file)).summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 4500, rejected: 0 });
  });

  it('reads GBK CSV and reports every bad row with its reason, in an .xlsx report', async () => {
    const good = personRows(3, 5000);
    const bad = personRows(6, 6000);
    bad[0][0] = bad[0][0].slice(0, 17) + (bad[0][0][17] === '0' ? '1' : '0'); // wrong check character
    bad[1][3] = '1999-02-30'; // impossible date
    bad[2][5] = '510799999999'; // unknown area
    bad[3][2] = '男女'; // unreadable sex
    bad[4] = [...good[0]]; // repeated in the file
    bad[5][5] = '510107001004'; // outside the import scope (武侯区)
    const file = write(`bad-${dialect}.csv`, csv([...PERSON_HEADER, '备注'], [...good, ...bad].map((r) => [...r, '无关']), 'gbk'));
    const { summary, rejected, headers } = await run('persons', file, false, '510703');
    expect(summary.encoding).toBe('gb18030');
    expect(summary.unknownColumns).toEqual(['O列 备注']);
    expect(summary).toMatchObject({ inserted: 3, rejected: 6 });
    const reasons = Object.fromEntries(summary.rejectedRows.map((r) => [r.line, r.reasons.join('；')]));
    expect(reasons[5]).toMatch(/校验/);
    expect(reasons[6]).toMatch(/出生日期/);
    expect(reasons[7]).toMatch(/510799999999/);
    expect(reasons[8]).toMatch(/性别/);
    expect(reasons[9]).toMatch(/重复/);
    expect(reasons[10]).toMatch(/导入范围/);
    const report = path.join(dir, `report-${dialect}.xlsx`);
    await writeErrorReport(report, headers, rejected);
    const cells = await readXlsxRows(fs.readFileSync(report));
    expect(cells[0][0]).toBe('行号');
    expect(cells[0].at(-1)).toBe('错误原因');
    expect(cells.length).toBe(7);
    expect(cells[3][0]).toBe('7');
    expect(cells[3].at(-1)).toMatch(/510799999999/);
  });

  it('reads xlsx with real date cells; a dry run writes nothing', async () => {
    const rows = personRows(5, 7000).map((r) => { const c: (string | Date)[] = [...r]; c[3] = new Date(`${r[3]}T00:00:00Z`); return c; });
    const file = write(`x-${dialect}.xlsx`, await xlsx(PERSON_HEADER, rows));
    const before = await count('persons');
    const dry = (await run('persons', file, true)).summary;
    expect(dry).toMatchObject({ dryRun: true, format: 'xlsx', inserted: 5, rejected: 0 });
    expect(await count('persons')).toBe(before);
    expect((await run('persons', file)).summary.inserted).toBe(5);
    expect(await count('persons')).toBe(before + 5);
  });

  it('imports events: births with parity, deaths, moves and marriages, idempotently', async () => {
    const [m, f, x, y] = personRows(4, 8000);
    m[2] = '女'; m[0] = makeIdNumber('510703', '1990-01-01', 2); m[3] = '1990-01-01';
    f[2] = '男'; f[0] = makeIdNumber('510703', '1988-01-01', 1); f[3] = '1988-01-01';
    await run('persons', write(`fam-${dialect}.csv`, csv(PERSON_HEADER, [m, f, x, y])));
    const newcomer = makeIdNumber('110105', '1995-05-05', 3);
    const events = [
      ['结婚', f[0], '', '', '2015-05-01', '510703001003', '', '', '', '', m[0]],
      ['出生', '', '大宝', '女', '2016-03-03', '510703001003', '', m[0], f[0], '', ''],
      ['出生', '', '二宝', '男', '2021-09-09', '510703001003', '', m[0], f[0], '', ''],
      ['死亡', x[0], '', '', '2022-01-01', x[5], '', '', '', '', ''],
      ['迁出', y[0], '', '', '2023-03-01', y[5], '', '', '', '', ''],
      ['迁入', newcomer, '新来者', '男', '2024-06-01', '510703001008', '110105', '', '', '', ''],
      ['死亡', makeIdNumber('510703', '1950-01-01', 1), '', '', '2022-01-01', '510703001003', '', '', '', '', ''],
    ];
    const file = write(`ev-${dialect}.csv`, csv(EVENT_HEADER, events));
    const first = (await run('events', file)).summary;
    expect(first).toMatchObject({ inserted: 6, rejected: 1 });
    expect(first.rejectedRows[0]).toEqual({ line: 8, reasons: [expect.stringMatching(/未在人口库中登记/)] });
    const again = (await run('events', file)).summary;
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 6, rejected: 1 });

    const mother = await t.ctx.db.kysely.selectFrom('persons').selectAll().where('id_number', '=', m[0]).executeTakeFirstOrThrow();
    const detail = await getPersonQuiet(t.ctx, admin(), mother.id);
    expect(detail.children.map((c) => [c.name, c.parity])).toEqual([['大宝', 1], ['二宝', 2]]);
    expect(detail.spouse?.idNumber?.slice(0, 6)).toBe('510703');
    expect(detail.maritalStatus).toBe('21');
    expect(detail.events.map((e) => e.kind)).toEqual(['marriage']);
    const statusOf = async (id: string) => (await t.ctx.db.kysely.selectFrom('persons').select('status').where('id_number', '=', id).executeTakeFirstOrThrow()).status;
    expect(await statusOf(x[0])).toBe('dead');
    expect(await statusOf(y[0])).toBe('moved_out');
    expect(await statusOf(newcomer)).toBe('alive');
    const pop = async (date: string) => (await populationAt(t.ctx, admin(), '510703001008', date, 'hukou')).total;
    const before = await pop('2024-05-31');
    expect(await pop('2024-06-01')).toBe(before + 1);
  });
});

describe('import file problems', () => {
  it('refuses a file whose required columns are missing, naming them', async () => {
    const t = await createTestContext('sqlite');
    const file = write('cols.csv', csv(['姓名', '性别'], [['张三', '男']]));
    await expect(runImport(t.ctx, systemActor('5107'), { kind: 'persons', dryRun: true, scope: '5107', path: file, filename: 'cols.csv', jobId: null }))
      .rejects.toMatchObject({ code: 'import.missing_columns' });
    await t.dispose();
  });
});
