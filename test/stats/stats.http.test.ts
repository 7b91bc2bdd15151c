// The statistics and targets routes: 401 without a session, 404 for another area, 400 for bad
// input, and the happy paths, on both dialects.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS, makeUser } from '../support/factories.ts';
import { multipart, signIn, type Client } from '../support/http.ts';
import { A, buildPopulation } from './fixture.ts';

async function targetsXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标');
  ws.addRow(['地区代码', '年度', '指标代码', '方向', '目标值']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('statistics HTTP API on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let manager: Client; // county manager of 涪城区
  let other: Client; // county manager of 游仙区
  let stat: Client; // statistician of 涪城区 (read-only)

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    await buildPopulation(t.ctx);
    const u1 = await makeUser(t.ctx, 'county_manager', AREAS.fucheng);
    const u2 = await makeUser(t.ctx, 'county_manager', AREAS.youxian);
    const u3 = await makeUser(t.ctx, 'statistician', AREAS.fucheng);
    manager = await signIn(app, u1.username, u1.password);
    other = await signIn(app, u2.username, u2.password);
    stat = await signIn(app, u3.username, u3.password);
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const f = AREAS.fucheng;
  const reads = [
    `/api/v1/stats?area=${f}&period=2023`,
    `/api/v1/stats/births?area=${f}&period=2023`,
    `/api/v1/stats/pyramid?area=${f}&date=2023-12-31`,
    `/api/v1/stats/records?area=${f}&period=2023&measure=births`,
    `/api/v1/stats/assessment?area=${f}&period=2023`,
    `/api/v1/targets?area=${f}&year=2023`,
  ];

  it('answers 401 without a session', async () => {
    for (const url of [...reads, '/api/v1/stats/indicators']) expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    expect((await app.inject({ method: 'PUT', url: '/api/v1/targets', payload: {} })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/targets/0190a0a0-0000-7000-8000-000000000000?version=1' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/targets/import' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/service-records/couples/0190a0a0-0000-7000-8000-000000000000', payload: { version: 1, checkedOn: null } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/service-records/migrants/0190a0a0-0000-7000-8000-000000000000?version=1' })).statusCode).toBe(401);
  });

  it('answers 404 to a user of another area', async () => {
    for (const url of reads) expect((await other.get(url)).statusCode, url).toBe(404);
    const put = await other.raw({ method: 'PUT', url: '/api/v1/targets', payload: { areaCode: f, year: 2023, indicator: 'birth_rate', direction: 'lower', value: 5 } });
    expect(put.statusCode).toBe(404);
    const created = await manager.raw({ method: 'PUT', url: '/api/v1/targets', payload: { areaCode: f, year: 2022, indicator: 'deaths', direction: 'lower', value: 5 } });
    expect((await other.delete(`/api/v1/targets/${created.json().id}?version=1`)).statusCode).toBe(404);
  });

  it('answers 400 with field errors to bad input', async () => {
    for (const [url, field] of [
      [`/api/v1/stats?area=${f}&period=2023Q5`, 'period'],
      [`/api/v1/stats?area=${f}&period=2023&basis=tax`, 'basis'],
      [`/api/v1/stats?area=${f}&period=2023&indicators=births,nonsense`, 'indicators'],
      [`/api/v1/stats?area=abc&period=2023`, 'area'],
      [`/api/v1/stats/pyramid?area=${f}&date=2023-02-30`, 'date'],
      [`/api/v1/stats/records?area=${f}&period=2023&measure=everyone`, 'measure'],
      [`/api/v1/targets?area=${f}&year=twenty`, 'year'],
      [`/api/v1/stats/births?area=${f}&period=2023S9`, 'period'],
      [`/api/v1/stats/assessment?area=${f}&period=2023&annualise=maybe`, 'annualise'],
      [`/api/v1/summary-templates?area=51x`, 'area'],
      [`/api/v1/service-records/couples?area=${f}&year=1800`, 'year'],
    ] as const) {
      const res = await manager.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json().errors ?? res.json()), url).toContain(field);
    }
    const bad = await manager.raw({ method: 'PUT', url: '/api/v1/targets', payload: { areaCode: f, year: 2023, indicator: 'made_up', direction: 'lower', value: 5 } });
    expect(bad.statusCode).toBe(400);
    expect((await manager.raw({ method: 'PUT', url: '/api/v1/targets', payload: { areaCode: f, year: 2023, indicator: 'births', direction: 'sideways', value: 5 } })).statusCode).toBe(400);
    expect((await manager.delete('/api/v1/targets/0190a0a0-0000-7000-8000-000000000000?version=zero')).statusCode).toBe(400);
    expect((await manager.delete('/api/v1/service-records/couples/not-a-uuid?version=1')).statusCode).toBe(400);
    expect((await manager.patch('/api/v1/service-records/couples/0190a0a0-0000-7000-8000-000000000000', { version: 1, checkedOn: '2023-13-01' })).statusCode).toBe(400);
    expect((await manager.raw({ method: 'POST', url: '/api/v1/targets/import', payload: {} })).statusCode).toBe(400);
  });

  it('returns the table in the documented shape, the chosen area first', async () => {
    const res = await stat.get(`/api/v1/stats?area=${f}&period=2023S1&indicators=births,birth_rate&basis=resident&annualise=true`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ area: { code: f }, period: { code: '2023S1', label: '2023年上半年' }, basis: 'resident', annualised: true });
    expect(body.rows[0].area).toBe(f);
    expect(body.rows[0].name).toBe('涪城区');
    expect(Object.keys(body.rows[0].values)).toEqual(['births', 'birth_rate']);
    expect(body.rows[0].values.births).toEqual({ value: 2, numerator: 2, denominator: null });
  });

  it('sets targets with optimistic locking, refuses a statistician, and assesses against them', async () => {
    const put = (c: Client, body: object) => c.raw({ method: 'PUT', url: '/api/v1/targets', payload: body });
    expect((await put(stat, { areaCode: f, year: 2023, indicator: 'births', direction: 'count', value: 2 })).statusCode).toBe(403);
    const created = await put(manager, { areaCode: f, year: 2023, indicator: 'births', direction: 'count', value: 2 });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ value: 2, version: 1 });
    expect((await put(manager, { areaCode: f, year: 2023, indicator: 'births', direction: 'count', value: 4 })).statusCode).toBe(409);
    expect((await put(manager, { areaCode: f, year: 2023, indicator: 'births', direction: 'count', value: 4, version: 7 })).statusCode).toBe(409);
    const changed = await put(manager, { areaCode: f, year: 2023, indicator: 'births', direction: 'count', value: 2.5, version: 1 });
    expect(changed.json()).toMatchObject({ value: 2.5, version: 2 });
    await put(manager, { areaCode: f, year: 2023, indicator: 'birth_rate', direction: 'lower', value: 400 });
    const a = (await stat.get(`/api/v1/stats/assessment?area=${f}&period=2023&indicators=births,birth_rate`)).json();
    const top = a.rows[0].assessments;
    expect(top.births.target).toMatchObject({ met: true, light: 'green', completion: 120 });
    expect(top.births.phrase).toBe('出生人数3人，完成目标任务的120%');
    expect(top.birth_rate.phrase).toBe('出生率控制在333.33‰以内，超目标任务66.67个千分点');
    expect(a.rows[1].assessments.births.rank).toBe(1); // 城厢街道, the only township with births
    const audited = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'target.%').orderBy('seq').execute();
    expect(audited.map((x) => x.action)).toEqual(['target.create', 'target.create', 'target.update', 'target.create']);
  });

  it('imports targets from .xlsx, reporting the rows it refuses', async () => {
    const file = await targetsXlsx([
      [f, 2024, 'policy_compliance_rate', '越高越好', 85],
      [A, 2024, 'natural_growth_rate', 'lower', 3],
      [f, 2024, 'unknown_code', 'lower', 3],
      ['510704', 2024, 'births', 'count', 100], // another county
    ]);
    const { payload, headers } = multipart({}, { name: '目标.xlsx', data: file });
    const res = await manager.raw({ method: 'POST', url: '/api/v1/targets/import', payload, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().set).toBe(2);
    expect(res.json().rejected).toEqual([
      { line: 4, field: 'indicator', code: 'field.invalid' },
      { line: 5, field: 'areaCode', code: 'field.area.out_of_scope' },
    ]);
    const list = (await stat.get(`/api/v1/targets?area=${f}&year=2024`)).json();
    expect(list.items.map((i: { indicator: string; value: number; direction: string }) => [i.indicator, i.value, i.direction])).toEqual([
      ['policy_compliance_rate', 85, 'higher'], ['natural_growth_rate', 3, 'lower'],
    ]);
  });

  it('opens the records behind a count for a statistician, masked', async () => {
    const res = await stat.get(`/api/v1/stats/records?area=${f}&period=2023&measure=births_male`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { name: string }) => i.name)).toEqual(['元旦', '三孩']);
    for (const i of res.json().items) expect(i.idNumber ?? '').toMatch(/^(\d{6}\*+\w{4})?$/);
  });
});
