// The records behind the service indicators, by form and by .xlsx import, and the indicators
// they feed, on both dialects.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { statsTable } from '../../src/stats/stats.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS, makeUser } from '../support/factories.ts';
import { multipart, signIn, type Client } from '../support/http.ts';
import { A, B, C, buildPopulation } from './fixture.ts';

async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('记录');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('service records on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let clerk: Client; // county manager of 涪城区
  let other: Client; // county manager of 游仙区
  let stat: Client; // statistician of the city
  let people: Awaited<ReturnType<typeof buildPopulation>>;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    people = await buildPopulation(t.ctx);
    const u1 = await makeUser(t.ctx, 'county_manager', AREAS.fucheng);
    const u2 = await makeUser(t.ctx, 'county_manager', AREAS.youxian);
    const u3 = await makeUser(t.ctx, 'statistician', AREAS.city);
    clerk = await signIn(app, u1.username, u1.password);
    other = await signIn(app, u2.username, u2.password);
    stat = await signIn(app, u3.username, u3.password);
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const post = (c: Client, url: string, body: object) => c.post(`/api/v1/service-records/${url}`, body);
  const value = async (area: string, code: string, period = '2023') => (await statsTable(t.ctx, admin(), { area, period, indicators: [code] })).rows[0].values[code];

  it('guards the routes: 401, 404 for another area, 400 for bad input, 403 for a statistician', async () => {
    for (const url of [`/api/v1/service-records/couples?area=${AREAS.fucheng}&year=2023`, `/api/v1/service-records/migrants?area=${AREAS.fucheng}&year=2023`]) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await other.get(url)).statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'POST', url: '/api/v1/service-records/couples', payload: {} })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/service-records/assisted/import' })).statusCode).toBe(401);
    // another county's user cannot reach persons of 涪城区: 400 with the field, never the person
    const cross = await post(other, 'couples', { areaCode: AREAS.fucheng, year: 2023, wifeId: people.m1.id });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['areaCode', 'wifeId']);
    expect((await post(clerk, 'couples', { areaCode: A, year: 2023, wifeId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await post(clerk, 'couples', { areaCode: A, year: 2023, wifeId: people.p2.id })).json().errors[0]).toMatchObject({ field: 'wifeId', code: 'field.invalid' });
    expect((await post(clerk, 'migrants', { personId: people.p2.id, areaCode: C, registeredOn: '2030-01-01' })).statusCode).toBe(400);
    expect((await post(stat, 'migrants', { personId: people.p2.id, areaCode: C, registeredOn: '2023-06-01' })).statusCode).toBe(403);
  });

  it('counts checked target couples against the couples of the year', async () => {
    expect((await post(clerk, 'couples', { areaCode: A, year: 2023, wifeId: people.m1.id, husbandId: people.p2.id, checkedOn: '2023-03-01', checkPlace: '涪城区妇幼保健院' })).statusCode).toBe(201);
    const second = await post(clerk, 'couples', { areaCode: B, year: 2023, wifeId: people.m2.id });
    expect(second.statusCode).toBe(201);
    expect((await post(clerk, 'couples', { areaCode: B, year: 2023, wifeId: people.m2.id })).json().errors[0]).toMatchObject({ field: 'wifeId', code: 'field.duplicate' });
    expect(await value(AREAS.fucheng, 'preconception_check_coverage')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await value(AREAS.fucheng, 'preconception_check_coverage', '2023Q1')).toMatchObject({ value: 50, numerator: 1, denominator: 2 }); // checked on 1 March
    expect(await value(AREAS.fucheng, 'preconception_check_coverage', '202302')).toMatchObject({ value: 0, numerator: 0, denominator: 2 }); // not yet by 28 Feb
    const id = second.json().id;
    expect((await clerk.patch(`/api/v1/service-records/couples/${id}`, { version: 1, checkedOn: '2023-11-20' })).statusCode).toBe(200);
    expect((await clerk.patch(`/api/v1/service-records/couples/${id}`, { version: 1, checkedOn: '2023-11-21' })).statusCode).toBe(409);
    expect((await other.patch(`/api/v1/service-records/couples/${id}`, { version: 2, checkedOn: null })).statusCode).toBe(404);
    expect(await value(AREAS.fucheng, 'preconception_check_coverage')).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
    const list = (await stat.get(`/api/v1/service-records/couples?area=${AREAS.fucheng}&year=2023`)).json();
    expect(list.items.map((i: { wifeName: string; checkedOn: string }) => [i.wifeName, i.checkedOn])).toEqual([['母一', '2023-03-01'], ['母二', '2023-11-20']]);
    expect(list.items[0].wifeIdNumber).toMatch(/^\d{6}\*+\w{4}$/);
  });

  it('counts registered migrants where they live at the end of the period', async () => {
    // p2 lives in C (游仙区) with hukou in A: a migrant there from 2023-05-01
    expect((await post(clerk, 'migrants', { personId: people.p2.id, areaCode: C, registeredOn: '2023-06-01' })).statusCode).toBe(400); // C is outside 涪城区
    // 游仙区 registers her: she lives there, so she is within its area
    expect((await post(other, 'migrants', { personId: people.p2.id, areaCode: C, registeredOn: '2023-06-01' })).statusCode).toBe(201);
    expect((await post(other, 'migrants', { personId: people.p2.id, areaCode: C, registeredOn: '2023-06-01' })).json().errors[0]).toMatchObject({ field: 'registeredOn', code: 'field.duplicate' });
    expect(await value('510704', 'migrant_registration_rate')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(await value(AREAS.city, 'migrant_registration_rate')).toMatchObject({ value: 50, numerator: 1, denominator: 2 }); // p1 in B is not registered
    expect(await value(AREAS.city, 'migrant_registration_rate', '2023S1')).toMatchObject({ numerator: 1 }); // registered by 30 June
    expect(await value(AREAS.city, 'migrant_registration_rate', '202305')).toMatchObject({ numerator: 0, denominator: 1 }); // not yet in May (p1 became a migrant in July)
  });

  it('imports couples and assisted households from .xlsx, reporting refused rows', async () => {
    const idOf = async (id: string) => (await t.ctx.db.kysely.selectFrom('persons').select('id_number').where('id', '=', id).executeTakeFirstOrThrow()).id_number!;
    const m3 = await idOf(people.m3.id);
    const couples = await xlsx(['地区代码', '年度', '女方身份证号', '男方身份证号', '检查日期', '检查机构'], [
      [A, 2024, m3, '', '2024-04-02', '城厢街道卫生服务中心'],
      [A, 2024, '110105194912310021', '', '', ''], // nobody of that number here
      [A, 2024, m3, '', '2024-02-30', ''], // no such date
    ]);
    const up = multipart({}, { name: '孕前优生.xlsx', data: couples });
    const res = await clerk.raw({ method: 'POST', url: '/api/v1/service-records/couples/import', payload: up.payload, headers: up.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ added: 1, rejected: [{ line: 3, field: 'wifeId', code: 'field.person.not_found' }, { line: 4, field: 'checkedOn', code: 'field.invalid' }] });
    expect(await value(A, 'preconception_check_coverage', '2024')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });

    const assisted = await xlsx(['地区代码', '年度', '户主身份证号', '帮扶内容', '帮扶金额（元）', '帮扶日期'], [
      [A, 2024, m3, '三结合帮扶：养殖技术与启动资金', '1500.50', '2024-05-06'],
      [A, 2024, m3, '', '12.345', '2024-05-06'],
    ]);
    const up2 = multipart({}, { name: '三结合.xlsx', data: assisted });
    const res2 = await clerk.raw({ method: 'POST', url: '/api/v1/service-records/assisted/import', payload: up2.payload, headers: up2.headers });
    expect(res2.json()).toEqual({ added: 1, rejected: [{ line: 3, field: 'amountFen', code: 'field.invalid' }, { line: 3, field: 'assistance', code: 'field.required' }] });
    const list = (await clerk.get(`/api/v1/service-records/assisted?area=${A}&year=2024`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ headName: '母三', amountFen: 150050, assistance: '三结合帮扶：养殖技术与启动资金' });
    const bad = multipart({}, { name: 'x.xlsx', data: await xlsx(['姓名'], [['张三']]) });
    expect((await clerk.raw({ method: 'POST', url: '/api/v1/service-records/migrants/import', payload: bad.payload, headers: bad.headers })).statusCode).toBe(400);
    // removal with its version; another county's user sees nothing
    expect((await other.delete(`/api/v1/service-records/assisted/${list.items[0].id}?version=1`)).statusCode).toBe(404);
    expect((await clerk.delete(`/api/v1/service-records/assisted/${list.items[0].id}?version=1`)).statusCode).toBe(204);
    const actions = (await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'service_record.%').orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toContain('service_record.couples.check');
    expect(actions[actions.length - 1]).toBe('service_record.assisted.delete');
  });
});
