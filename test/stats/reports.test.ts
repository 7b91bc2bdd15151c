// The downloads opened back: the .xlsx table (cells, number formats) and the .docx summary
// (generated figures and the office's templates), over HTTP and from the CLI, on both dialects.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { setTarget } from '../../src/stats/targets.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS, makeUser } from '../support/factories.ts';
import { signIn, type Client } from '../support/http.ts';
import { buildPopulation } from './fixture.ts';

async function openXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.getWorksheet('统计表')!;
}

describe.each(DIALECTS)('statistics downloads on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let manager: Client;
  let other: Client;
  const f = AREAS.fucheng;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    await buildPopulation(t.ctx);
    await setTarget(t.ctx, admin(), { areaCode: f, year: 2023, indicator: 'births', direction: 'count', value: 2 });
    await setTarget(t.ctx, admin(), { areaCode: f, year: 2023, indicator: 'natural_growth_rate', direction: 'lower', value: 300 });
    const u1 = await makeUser(t.ctx, 'county_manager', f);
    const u2 = await makeUser(t.ctx, 'county_manager', AREAS.youxian);
    manager = await signIn(app, u1.username, u1.password);
    other = await signIn(app, u2.username, u2.password);
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('guards the download and template routes (401, 404, 400)', async () => {
    const urls = [`/api/v1/stats/table.xlsx?area=${f}&period=2023`, `/api/v1/stats/summary.docx?area=${f}&period=2023`, `/api/v1/summary-templates?area=${f}`];
    for (const url of urls) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await other.get(url)).statusCode).toBe(404);
    }
    expect((await manager.get(`/api/v1/stats/table.xlsx?area=${f}&period=2023H1`)).statusCode).toBe(400);
    expect((await manager.get(`/api/v1/stats/summary.docx?area=${f}&period=2023&basis=x`)).statusCode).toBe(400);
    const put = (c: Client, body: object) => c.raw({ method: 'PUT', url: '/api/v1/summary-templates', payload: body });
    expect((await app.inject({ method: 'PUT', url: '/api/v1/summary-templates', payload: {} })).statusCode).toBe(401);
    expect((await put(other, { areaCode: f, section: 'plans', body: '越界' })).statusCode).toBe(404);
    expect((await put(manager, { areaCode: f, section: 'epilogue', body: 'x' })).statusCode).toBe(400);
  });

  it('writes the table with child areas, the total last, values, numerators, denominators and formats', async () => {
    const res = await manager.get(`/api/v1/stats/table.xlsx?area=${f}&period=2023&indicators=births,birth_rate,multi_child_rate,policy_compliance_rate`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('涪城区2023年人口和计划生育统计表.xlsx'));
    const ws = await openXlsx(res.rawPayload);
    expect(ws.getCell('A1').value).toBe('绵阳市涪城区2023年人口和计划生育统计表');
    expect(String(ws.getCell('A2').value)).toContain('人口口径：户籍人口；比率未年化');
    expect(ws.getCell('C3').value).toBe('出生人数');
    expect(ws.getCell('F3').value).toBe('出生率（‰）');
    expect([ws.getCell('F4').value, ws.getCell('G4').value, ws.getCell('H4').value]).toEqual(['数值', '分子', '分母']);
    // children (townships of 涪城区) first; 城厢街道 holds every birth
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((r, n) => { if (n >= 5) rows.push(r); });
    const chengxiang = rows.find((r) => r.getCell(1).value === AREAS.chengxiang)!;
    expect(chengxiang.getCell(3).value).toBe(3);
    expect(chengxiang.getCell(6).value).toBe(333.33);
    expect(chengxiang.getCell(6).numFmt).toBe('0.00"‰"');
    expect(chengxiang.getCell(7).value).toBe(3);
    expect(chengxiang.getCell(8).value).toBe(9);
    expect(chengxiang.getCell(9).value).toBe(33.33);
    expect(chengxiang.getCell(9).numFmt).toBe('0.00"%"');
    const total = rows[rows.length - 1];
    expect(total.getCell(1).value).toBe(f);
    expect(total.getCell(2).value).toBe('涪城区（合计）');
    expect(total.getCell(12).value).toBe('不适用'); // policy compliance after 2021-08-20
    expect(rows.length).toBe(t.ctx.areas.childrenOf(f).length + 1);
  });

  it('writes the summary: generated figures against targets, and the office templates (own and inherited)', async () => {
    const put = (c: Client, body: object) => c.raw({ method: 'PUT', url: '/api/v1/summary-templates', payload: body });
    expect((await put(manager, { areaCode: f, section: 'problems', body: '（一）{地区}{期间}人口信息更新不及时。' })).statusCode).toBe(200);
    expect((await put(manager, { areaCode: f, section: 'problems', body: '再次修改' })).statusCode).toBe(409);
    const tmpl = (await manager.get(`/api/v1/summary-templates?area=${AREAS.chengxiang}`)).json();
    expect(tmpl.sections.find((s: { section: string }) => s.section === 'problems')).toMatchObject({ from: f, body: '（一）{地区}{期间}人口信息更新不及时。' });
    const res = await manager.get(`/api/v1/stats/summary.docx?area=${f}&period=2023`);
    expect(res.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    expect(text).toContain('涪城区2023年人口和计划生育工作总结');
    expect(text).toContain('二、主要指标完成情况');
    expect(text).toContain('2023年，全区出生人口3人，出生率为333.33‰');
    expect(text).toContain('出生人数3人，完成目标任务的150%。');
    expect(text).toContain('人口自然增长率控制在222.22‰以内，超目标任务77.78个千分点。');
    expect(text).toContain('（一）涪城区2023年人口信息更新不及时。');
    expect(text).toContain('五、下一步工作打算');
    const audited = await t.ctx.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'stats.download').orderBy('seq').execute();
    expect(audited.map((a) => JSON.parse(a.detail).kind)).toEqual(['xlsx', 'docx']);
  });
});

// The CLI reads the database of its environment: one SQLite file is enough to prove it.
describe('`renkou stats` from the command line', () => {
  let t: TestDb;
  const f = AREAS.fucheng;
  beforeAll(async () => { t = await createTestContext('sqlite'); await buildPopulation(t.ctx); });
  afterAll(async () => t.dispose());

  it('`renkou stats` prints the JSON shape and writes the .xlsx and .docx', async () => {
    const env = { ...process.env, DATABASE_URL: t.url, RENKOU_AREA_PROVINCES: '5107,510107', RENKOU_DEMO: '0' };
    const out = execFileSync(process.execPath, ['bin/renkou.mjs', 'stats', '--area', f, '--period', '2023S1', '--indicators', 'births,birth_rate', '--annualise'], { env, encoding: 'utf8' });
    const json = JSON.parse(out);
    expect(json).toMatchObject({ area: { code: f }, period: { code: '2023S1' }, basis: 'hukou', annualised: true });
    expect(json.rows[0]).toMatchObject({ area: f, name: '涪城区', values: { births: { value: 2, numerator: 2, denominator: null } } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-stats-cli-'));
    const xlsx = path.join(dir, 't.xlsx');
    const docx = path.join(dir, 's.docx');
    execFileSync(process.execPath, ['bin/renkou.mjs', 'stats', '--area', f, '--period', '2023', '--format', 'xlsx', '--out', xlsx], { env });
    execFileSync(process.execPath, ['bin/renkou.mjs', 'stats', '--area', f, '--period', '2023', '--basis', 'resident', '--format', 'docx', '--out', docx], { env });
    expect((await openXlsx(fs.readFileSync(xlsx))).getCell('A1').value).toBe('绵阳市涪城区2023年人口和计划生育统计表');
    expect((await mammoth.extractRawText({ path: docx })).value).toContain('按常住人口统计');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
