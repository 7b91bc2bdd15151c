// Every benefits route: unauthenticated → 401, a user of another county → 404, bad input → 400;
// roles without the permission → 403; the public notice page needs no session and shows only a
// notice that is up.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { runEligibility } from '../../src/benefits/run.service.ts';
import { addObjection } from '../../src/benefits/cycle.service.ts';
import { createBatch } from '../../src/benefits/payments.service.ts';
import { allLines, findCycle } from '../../src/benefits/cycles.repository.ts';
import { openNotice } from '../../src/benefits/cycle.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS, makeUser } from '../support/factories.ts';
import { multipart, signIn, type Client } from '../support/http.ts';
import { specialAidFamilies } from './families.ts';
import { actorAt, confirmAll, driveToFrozen } from './drive.ts';

describe.each(DIALECTS)('benefits HTTP API on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let other: Client; // county manager of 游仙区
  let county: Client; // county manager of 涪城区
  let stat: Client; // statistician of 涪城区: read only
  let cycleId: string, noticeCycleId: string, lineId: string, objectionId: string, batchId: string;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    await specialAidFamilies(t.ctx);
    const login = async (role: Parameters<typeof makeUser>[1], area: string) => { const u = await makeUser(t.ctx, role, area); return signIn(app, u.username, u.password); };
    other = await login('county_manager', AREAS.youxian);
    county = await login('county_manager', AREAS.fucheng);
    stat = await login('statistician', AREAS.fucheng);
    // A frozen cycle with a batch, and a cycle under notice with an objection.
    cycleId = (await runEligibility(t.ctx, admin(), { programme: 'specialAid', area: AREAS.fucheng, year: 2026 })).cycleId;
    await driveToFrozen(t.ctx, cycleId, AREAS.fucheng);
    lineId = (await allLines(t.ctx.db.kysely, cycleId))[0].id;
    batchId = (await createBatch(t.ctx, actorAt(AREAS.fucheng), cycleId)).id;
    noticeCycleId = (await runEligibility(t.ctx, admin(), { programme: 'specialAid', area: AREAS.fucheng, year: 2025 })).cycleId;
    await confirmAll(t.ctx, noticeCycleId);
    await openNotice(t.ctx, actorAt(AREAS.fucheng), noticeCycleId, (await findCycle(t.ctx.db.kysely, '', noticeCycleId))!.version);
    objectionId = (await addObjection(t.ctx, actorAt(AREAS.fucheng), noticeCycleId, { text: '异议' })).id;
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const upload = () => multipart({}, { name: 'r.csv', data: Buffer.from('流水号,状态\nx,成功\n') });
  const routes = () => [
    { method: 'GET', url: `/api/v1/benefits/cycles/${cycleId}` },
    { method: 'GET', url: `/api/v1/benefits/cycles/${cycleId}/lines` },
    { method: 'GET', url: `/api/v1/benefits/lines/${lineId}` },
    { method: 'PATCH', url: `/api/v1/benefits/lines/${lineId}`, body: { version: 1, bankAccount: '6217000011112222' } },
    { method: 'POST', url: `/api/v1/benefits/cycles/${cycleId}/reviews`, body: { action: 'pass', lines: [{ id: lineId, version: 1 }] } },
    { method: 'POST', url: `/api/v1/benefits/cycles/${noticeCycleId}/notice`, body: { version: 1 } },
    { method: 'GET', url: `/api/v1/benefits/cycles/${noticeCycleId}/objections` },
    { method: 'POST', url: `/api/v1/benefits/cycles/${noticeCycleId}/objections`, body: { text: '越界异议' } },
    { method: 'POST', url: `/api/v1/benefits/objections/${objectionId}/resolve`, body: { version: 1, upheld: false, resolution: '越界' } },
    { method: 'POST', url: `/api/v1/benefits/cycles/${noticeCycleId}/freeze`, body: { version: 1 } },
    { method: 'GET', url: `/api/v1/benefits/cycles/${cycleId}/batches` },
    { method: 'POST', url: `/api/v1/benefits/cycles/${cycleId}/batches` },
    { method: 'GET', url: `/api/v1/benefits/batches/${batchId}/file?format=csv` },
    { method: 'POST', url: `/api/v1/benefits/batches/${batchId}/results`, upload: true },
    { method: 'GET', url: `/api/v1/benefits/cycles/${cycleId}/disbursement` },
    { method: 'POST', url: `/api/v1/benefits/cycles/${cycleId}/close`, body: { version: 1 } },
  ];
  const send = (c: Client | null, r: ReturnType<typeof routes>[number]) => {
    const m = r.upload ? upload() : null;
    const opts = { method: r.method as 'GET', url: r.url, payload: m ? m.payload : r.body, headers: m ? m.headers : undefined };
    return c ? c.raw(opts) : app.inject(opts);
  };

  it('answers 401 to every route without a session', async () => {
    for (const r of [...routes(), { method: 'GET', url: '/api/v1/benefits/programmes' }, { method: 'GET', url: '/api/v1/benefits/cycles' }, { method: 'POST', url: '/api/v1/benefits/cycles', body: { programme: 'specialAid', area: AREAS.fucheng, year: 2026 } }]) {
      const res = await send(null, r as ReturnType<typeof routes>[number]);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('auth.required');
    }
  });

  it('answers 404 to a county manager of another county on every route', async () => {
    for (const r of routes()) {
      const res = await send(other, r);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await other.post('/api/v1/benefits/cycles', { programme: 'specialAid', area: AREAS.fucheng, year: 2026 })).statusCode).toBe(404);
    expect((await other.get('/api/v1/benefits/cycles')).json().items).toEqual([]);
    expect((await county.get('/api/v1/benefits/cycles')).json().items.length).toBe(2);
  });

  it('answers 400 with field errors to bad input', async () => {
    const bad = [
      { method: 'POST', url: '/api/v1/benefits/cycles', body: { programme: 'nope', area: AREAS.fucheng, year: 2026 }, field: 'programme' },
      { method: 'POST', url: '/api/v1/benefits/cycles', body: { programme: 'specialAid', area: '51070', year: 2026 }, field: 'area' },
      { method: 'GET', url: `/api/v1/benefits/cycles/not-a-uuid`, field: 'id' },
      { method: 'GET', url: `/api/v1/benefits/cycles/${cycleId}/lines?stage=nope`, field: 'stage' },
      { method: 'POST', url: `/api/v1/benefits/cycles/${cycleId}/reviews`, body: { action: 'approve', lines: [] }, field: 'action' },
      { method: 'PATCH', url: `/api/v1/benefits/lines/${lineId}`, body: { version: 1, bankAccount: 'abc' }, field: 'bankAccount' },
      { method: 'POST', url: `/api/v1/benefits/objections/${objectionId}/resolve`, body: { version: 1, upheld: 'yes', resolution: '' }, field: 'upheld' },
      { method: 'GET', url: `/api/v1/benefits/batches/${batchId}/file?format=pdf`, field: 'format' },
      { method: 'POST', url: `/api/v1/benefits/cycles/${noticeCycleId}/notice`, body: {}, field: 'version' },
    ];
    for (const r of bad) {
      const res = await county.raw({ method: r.method as 'GET', url: r.url, payload: r.body });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), r.url).toContain(r.field);
    }
    const noBatch = multipart({}, { name: 'r.csv', data: Buffer.from('姓名,金额\n张三,1\n') });
    const res = await county.raw({ method: 'POST', url: `/api/v1/benefits/batches/${batchId}/results`, payload: noBatch.payload, headers: noBatch.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('benefits.bad_result_file');
    expect((await county.post('/api/v1/benefits/cycles', { programme: 'specialAid', area: '510703', year: 1999 })).statusCode).toBe(400);
  });

  it('read-only roles read but may not act (403)', async () => {
    expect((await stat.get(`/api/v1/benefits/cycles/${cycleId}`)).statusCode).toBe(200);
    expect((await stat.post(`/api/v1/benefits/cycles/${cycleId}/batches`)).statusCode).toBe(403);
    expect((await stat.post(`/api/v1/benefits/cycles/${cycleId}/reviews`, { action: 'pass', lines: [{ id: lineId, version: 1 }] })).statusCode).toBe(403);
  });

  it('lists the programmes with their timelines and references', async () => {
    const res = await other.get('/api/v1/benefits/programmes');
    expect(res.statusCode).toBe(200);
    const special = res.json().items.find((p: { code: string }) => p.code === 'specialAid');
    const died = special.parameters.find((p: { name: string }) => p.name === 'monthly_died_urban_yuan');
    expect(died.layers[0]).toMatchObject({ jurisdiction: 'CN', jurisdictionName: '全国' });
    expect(died.layers[0].values.map((v: { from: string; to: string | null; value: number }) => [v.from, v.to, v.value])).toEqual([
      ['2008-01-01', '2011-12-31', 100], ['2012-01-01', '2013-12-31', 135], ['2014-01-01', null, 340],
    ]);
    expect(died.layers[1]).toMatchObject({ jurisdiction: '5101', values: [{ value: 350, reference: expect.stringContaining('seed 000') }] });
    expect(res.json().items.map((p: { code: string }) => p.code)).toHaveLength(7);
  });

  it('the public notice page needs no session and shows only a notice that is up', async () => {
    const up = await app.inject({ method: 'GET', url: `/api/v1/public/benefit-notices/${noticeCycleId}` });
    expect(up.statusCode).toBe(200);
    expect(up.json().lines.every((l: { name: string }) => l.name.includes('*'))).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/benefit-notices/${cycleId}` })).statusCode).toBe(404); // frozen: no longer public
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/benefit-notices/x' })).statusCode).toBe(400);
  });
});
