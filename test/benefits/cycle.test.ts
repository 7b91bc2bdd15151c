// A whole special-aid cycle of 涪城区 over HTTP, on both dialects: the eligibility run (new,
// continuing, leaving with reasons), reviews village → township → county with a return and a
// concurrent action, public notice with an objection, freeze, a bank file, the bank's result with
// a failed payment paid again in a second batch, the disbursement rate, and closing.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { addEvent } from '../../src/registry/events/events.service.ts';
import { runEligibility } from '../../src/benefits/run.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS, makeUser } from '../support/factories.ts';
import { multipart, signIn, type Client } from '../support/http.ts';
import { specialAidFamilies } from './families.ts';

describe.each(DIALECTS)('a special-aid cycle on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let fam: Awaited<ReturnType<typeof specialAidFamilies>>;
  let village: Client, village2: Client, villageC: Client, town: Client, town2: Client, townC: Client, county: Client;
  let cycleId: string;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    fam = await specialAidFamilies(t.ctx);
    const login = async (role: Parameters<typeof makeUser>[1], area: string) => { const u = await makeUser(t.ctx, role, area); return signIn(app, u.username, u.password); };
    village = await login('village_clerk', AREAS.jingzhong);
    village2 = await login('village_clerk', AREAS.jiefang);
    villageC = await login('village_clerk', fam.gongquVillage);
    town = await login('township_reviewer', AREAS.chengxiang);
    town2 = await login('township_reviewer', AREAS.chengxiang);
    townC = await login('township_reviewer', AREAS.gongqu);
    county = await login('county_manager', AREAS.fucheng);
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const lines = async (c: Client, q = '') => (await c.get(`/api/v1/benefits/cycles/${cycleId}/lines?pageSize=200${q}`)).json().items as any[];
  const pass = (c: Client, ls: any[], action = 'pass', reason?: string) => c.post(`/api/v1/benefits/cycles/${cycleId}/reviews`, { action, reason, lines: ls.map((l) => ({ id: l.id, version: l.version })) });

  it('runs eligibility: last year new, this year continuing, a death leaving and a new mother of 49', async () => {
    const y2025 = await runEligibility(t.ctx, admin(), { programme: 'specialAid', area: AREAS.fucheng, year: 2025 });
    expect(y2025).toMatchObject({ new: 3, continuing: 0, leaving: 0 });
    await addEvent(t.ctx, admin(), fam.fatherA.id, { kind: 'death', date: '2025-08-01', areaCode: AREAS.jingzhong });
    // Through HTTP as a job this time.
    const res = await county.post('/api/v1/benefits/cycles', { programme: 'specialAid', area: AREAS.fucheng, year: 2026 });
    expect(res.statusCode).toBe(202);
    let job = res.json();
    const started = Date.now();
    for (let i = 0; i < 1200 && job.status !== 'succeeded' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await county.get(`/api/v1/jobs/${job.id}`)).json();
    }
    expect(job.status, `after ${Date.now() - started} ms`).toBe('succeeded');
    expect(job.result).toMatchObject({ new: 1, continuing: 2, leaving: 1 });
    cycleId = job.result.cycleId;
    const all = await lines(county);
    const by = (name: string) => all.find((l) => l.name === name);
    expect(by('王秀英')).toMatchObject({ kind: 'continuing', eligible: true, amountFen: 150 * 12 * 100, stage: 'pending' });
    expect(by('张桂兰')).toMatchObject({ kind: 'continuing', amountFen: 340 * 12 * 100, reasons: ['child.died', 'hukou.urban'] });
    expect(by('赵红梅')).toMatchObject({ kind: 'new', amountFen: 150 * 12 * 100, reasons: ['child.disabled', 'hukou.rural'] });
    expect(by('李建国')).toMatchObject({ kind: 'leaving', eligible: false, amountFen: 0, reasons: ['person.died'] });
    expect(all.map((l) => l.name)).not.toContain('陈丽');
    expect(all.map((l) => l.name)).not.toContain('刘芳');
    expect(by('王秀英').idNumber).toMatch(/\*{4}/);
    const line = (await county.get(`/api/v1/benefits/lines/${by('王秀英').id}`)).json();
    expect(line.paramsUsed['monthly_disabled_rural_yuan@CN']).toMatchObject({ value: 150, from: '2014-01-01' });
    expect(line.split).toEqual({ central: 144000, provincial: 36000 });
  });

  it('running again changes nothing', async () => {
    const again = await runEligibility(t.ctx, admin(), { programme: 'specialAid', area: AREAS.fucheng, year: 2026 });
    expect(again).toMatchObject({ new: 1, continuing: 2, leaving: 1 });
    expect((await lines(county)).length).toBe(4);
  });

  it('keeps the order village → township → county; a village sees only its own lines', async () => {
    const mine = await lines(village);
    expect(mine.map((l) => l.name).sort()).toEqual(['李建国', '王秀英'].sort());
    expect((await pass(town, mine)).json().code).toBe('benefits.review_order');
    expect((await pass(county, mine)).statusCode).toBe(409);
    const other = await lines(village2);
    expect((await pass(village, other)).statusCode).toBe(404);
    expect((await pass(village, mine)).statusCode).toBe(200);
    expect((await pass(county, await lines(village))).json().code).toBe('benefits.review_order');
    expect((await pass(village2, other)).statusCode).toBe(200);
    expect((await pass(villageC, await lines(villageC))).statusCode).toBe(200);
  });

  it('two township reviewers passing one line at once: one wins, the other gets 409', async () => {
    const [l] = (await lines(town)).filter((x) => x.name === '王秀英');
    const [a, b] = await Promise.all([pass(town, [l]), pass(town2, [l])]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('conflict.stale_version');
    const rest = (await lines(town)).filter((x) => x.stage === 'declared');
    expect((await pass(town, rest)).statusCode).toBe(200);
    expect((await pass(townC, await lines(townC))).statusCode).toBe(200);
  });

  it('the county confirms; a returned line goes back to the village with its reason', async () => {
    const all = await lines(county);
    const c = all.find((l) => l.name === '赵红梅');
    expect((await pass(county, [c], 'return')).statusCode).toBe(400); // a reason is required
    expect((await pass(county, [c], 'return', '请补充残疾证')).statusCode).toBe(200);
    const back = (await lines(villageC))[0];
    expect(back).toMatchObject({ stage: 'pending', returnedReason: '请补充残疾证', returnedLevel: 'county' });
    expect((await county.post(`/api/v1/benefits/cycles/${cycleId}/notice`, { version: 1 })).json().code).toBe('benefits.not_all_confirmed');
    await pass(villageC, [back]);
    await pass(townC, await lines(townC));
    expect((await pass(county, (await lines(county)).filter((l) => l.stage === 'reviewed'))).statusCode).toBe(200);
    const history = (await county.get(`/api/v1/benefits/lines/${c.id}`)).json().history.map((h: any) => `${h.level}:${h.action}`);
    expect(history).toEqual(['village:declare', 'township:review', 'county:return', 'village:declare', 'township:review', 'county:confirm']);
  });

  it('opens a 7-day public notice with masked names and ID numbers, readable without signing in', async () => {
    const board = (await county.get(`/api/v1/benefits/cycles/${cycleId}`)).json();
    expect(board.steps).toMatchObject({ declared: 4, reviewed: 4, confirmed: 4 });
    const res = await county.post(`/api/v1/benefits/cycles/${cycleId}/notice`, { version: board.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'notice', noticeFrom: '2026-11-22', noticeTo: '2026-11-28' });
    const pub = await app.inject({ method: 'GET', url: `/api/v1/public/benefit-notices/${cycleId}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain('王秀英');
    expect(pub.body).not.toContain('李建国'); // leaving lines are not on the notice
    const names = pub.json().lines.map((l: any) => l.name).sort();
    expect(names).toEqual(['王*英', '张*兰', '赵*梅'].sort());
    for (const l of pub.json().lines) expect(l.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/benefit-notices/00000000-0000-7000-8000-000000000000` })).statusCode).toBe(404);
  });

  it('records and resolves an objection; freezes only after the notice; the frozen roster ignores registry edits', async () => {
    const c = (await lines(county)).find((l) => l.name === '赵红梅');
    const obj = await villageC.post(`/api/v1/benefits/cycles/${cycleId}/objections`, { lineId: c.id, text: '群众反映其子已康复' });
    expect(obj.statusCode).toBe(201);
    let board = (await county.get(`/api/v1/benefits/cycles/${cycleId}`)).json();
    expect((await county.post(`/api/v1/benefits/cycles/${cycleId}/freeze`, { version: board.version })).json().code).toBe('benefits.notice_running');
    (t.ctx as { today: () => string }).today = () => '2026-12-01';
    expect((await county.post(`/api/v1/benefits/cycles/${cycleId}/freeze`, { version: board.version })).json().code).toBe('benefits.objections_open');
    const resolved = await county.post(`/api/v1/benefits/objections/${obj.json().id}/resolve`, { version: 1, upheld: false, resolution: '经核实残疾证有效' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', upheld: false });
    const frozen = await county.post(`/api/v1/benefits/cycles/${cycleId}/freeze`, { version: board.version });
    expect(frozen.statusCode).toBe(200);
    board = frozen.json();
    expect(board).toMatchObject({ status: 'frozen', steps: { frozen: 4 } });
    const person = (await county.get(`/api/v1/persons/${fam.motherA.id}`)).json();
    expect((await county.patch(`/api/v1/persons/${fam.motherA.id}`, { version: person.version, name: '王秀华' })).statusCode).toBe(200);
    const a = (await lines(county)).find((l) => l.personId === fam.motherA.id);
    expect(a).toMatchObject({ name: '王秀英', frozen: true, amountFen: 180000 });
  });

  let batch1: any;
  it('writes the bank file as .csv (GBK) and .xlsx with the chosen columns', async () => {
    const res = await county.post(`/api/v1/benefits/cycles/${cycleId}/batches`);
    expect(res.statusCode).toBe(201);
    batch1 = res.json();
    expect(batch1).toMatchObject({ seq: 1, lines: 3, totalFen: 180000 + 408000 + 180000 });
    const csv = await county.get(`/api/v1/benefits/batches/${batch1.id}/file?format=csv&encoding=gbk&columns=ref,name,idNumber,amountYuan`);
    expect(csv.statusCode).toBe(200);
    const text = iconv.decode(csv.rawPayload, 'gbk').trim().split('\r\n');
    expect(text[0]).toBe('流水号,姓名,公民身份号码,金额（元）');
    expect(text).toHaveLength(4);
    expect(text.some((l) => l.includes('王秀英') && l.endsWith(',1800.00'))).toBe(true);
    expect(text.some((l) => /,\d{17}[\dX],/.test(l))).toBe(true); // county managers see full ID numbers
    const xlsx = await county.get(`/api/v1/benefits/batches/${batch1.id}/file?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '流水号', '批次号', '姓名', '公民身份号码', '银行账号', '金额（元）', '项目', '村（社区）']);
    expect(ws.rowCount).toBe(4);
    expect((await county.get(`/api/v1/benefits/batches/${batch1.id}/file?columns=nope`)).statusCode).toBe(400);
  });

  it('imports the bank result (one failed), corrects the account and pays it again in a new batch', async () => {
    const all = await lines(county);
    const id = (name: string) => all.find((l) => l.name === name).id;
    const result = ['流水号,批次号,状态,失败原因', `${id('王秀英')},${batch1.id},成功,`, `${id('张桂兰')},${batch1.id},失败,账号不存在`, `${id('赵红梅')},${batch1.id},成功,`].join('\n');
    const upload = () => { const m = multipart({}, { name: 'result.csv', data: Buffer.from(result) }); return county.raw({ method: 'POST', url: `/api/v1/benefits/batches/${batch1.id}/results`, payload: m.payload, headers: m.headers }); };
    const r1 = await upload();
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({ rows: 3, paid: 2, failed: 1, alreadySettled: 0, unknown: [] });
    expect((await upload()).json()).toMatchObject({ rows: 3, paid: 0, failed: 0, alreadySettled: 3 }); // the same file again
    let board = (await county.get(`/api/v1/benefits/cycles/${cycleId}`)).json();
    expect(board.steps).toMatchObject({ paidFen: 360000, failedPayments: 1, pendingPayments: 0 });
    const b = all.find((l) => l.name === '张桂兰');
    expect((await county.patch(`/api/v1/benefits/lines/${b.id}`, { version: b.version, bankAccount: '6217 0000 1111 2222' })).statusCode).toBe(200);
    const batch2 = (await county.post(`/api/v1/benefits/cycles/${cycleId}/batches`)).json();
    expect(batch2).toMatchObject({ seq: 2, lines: 1, totalFen: 408000 });
    expect((await county.post(`/api/v1/benefits/cycles/${cycleId}/batches`)).json().code).toBe('benefits.nothing_to_pay');
    board = (await county.get(`/api/v1/benefits/cycles/${cycleId}`)).json();
    expect((await county.post(`/api/v1/benefits/cycles/${cycleId}/close`, { version: board.version })).json().code).toBe('benefits.payments_pending');
    const m = multipart({}, { name: 'r2.csv', data: Buffer.from(`流水号,状态\n${b.id},成功\n`) });
    const r2 = await county.raw({ method: 'POST', url: `/api/v1/benefits/batches/${batch2.id}/results`, payload: m.payload, headers: m.headers });
    expect(r2.json()).toMatchObject({ paid: 1, failed: 0 });
    const file = await county.get(`/api/v1/benefits/batches/${batch2.id}/file?format=csv&columns=ref,bankAccount`);
    expect(file.body).toContain('6217000011112222');
  });

  it('reports the disbursement rate by township and funding source, then closes', async () => {
    const d = (await county.get(`/api/v1/benefits/cycles/${cycleId}/disbursement`)).json();
    expect(d).toMatchObject({ dueFen: 768000, paidFen: 768000, rate: 100 });
    expect(d.byArea.map((a: any) => a.areaCode)).toEqual([AREAS.chengxiang, AREAS.gongqu]);
    expect(d.byFunding).toEqual([
      { source: 'central', dueFen: 614400, paidFen: 614400, rate: 100 },
      { source: 'provincial', dueFen: 153600, paidFen: 153600, rate: 100 },
    ]);
    // The statistics' 资金发放率 reads the same rosters: in yuan, per area; no roster, no data.
    const stats = (await county.get(`/api/v1/stats?area=${AREAS.fucheng}&period=2026&indicators=disbursement_rate`)).json();
    expect(stats.rows[0].values.disbursement_rate).toMatchObject({ value: 100, numerator: 7680, denominator: 7680 });
    const byTown = Object.fromEntries(stats.rows.slice(1).map((r: any) => [r.area, r.values.disbursement_rate]));
    expect(byTown[AREAS.chengxiang].denominator + byTown[AREAS.gongqu].denominator).toBe(7680);
    expect(stats.rows.filter((r: any) => r.values.disbursement_rate.reason === 'no_data').length).toBe(stats.rows.length - 3);
    const city = (await (await signIn(app, (await makeUser(t.ctx, 'statistician', '5107')).username, 'Passw0rd!test')).get('/api/v1/stats?area=5107&period=2025&indicators=disbursement_rate')).json();
    expect(city.rows[0].values.disbursement_rate.reason).toBe('no_data'); // 2025's roster was never frozen
    const board = (await county.get(`/api/v1/benefits/cycles/${cycleId}`)).json();
    const closed = await county.post(`/api/v1/benefits/cycles/${cycleId}/close`, { version: board.version });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
  });

  it('the database refuses a second payment of one person for one cycle and period', async () => {
    const db = t.ctx.db.kysely;
    const p = await db.selectFrom('benefit_payments').selectAll().where('cycle_id', '=', cycleId).where('status', '=', 'paid').executeTakeFirstOrThrow();
    const batch = await db.selectFrom('benefit_batches').select('id').where('cycle_id', '=', cycleId).where('id', '!=', p.batch_id).executeTakeFirstOrThrow();
    await expect(db.insertInto('benefit_payments').values({ ...p, batch_id: batch.id, status: 'pending' }).execute()).rejects.toThrow();
  });
});
