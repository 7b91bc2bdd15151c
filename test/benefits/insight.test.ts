// Evidence with its checklist, consistency and archive completeness, and the forecast (with a
// what-if parameter, saving nothing), over HTTP on both dialects.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { addEvent } from '../../src/registry/events/events.service.ts';
import { runEligibility } from '../../src/benefits/run.service.ts';
import { allLines } from '../../src/benefits/cycles.repository.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS, makeUser } from '../support/factories.ts';
import { signIn, type Client } from '../support/http.ts';
import { specialAidFamilies } from './families.ts';

describe.each(DIALECTS)('evidence, consistency and forecast on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let fam: Awaited<ReturnType<typeof specialAidFamilies>>;
  let county: Client, other: Client, village: Client;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    fam = await specialAidFamilies(t.ctx);
    const login = async (role: Parameters<typeof makeUser>[1], area: string) => { const u = await makeUser(t.ctx, role, area); return signIn(app, u.username, u.password); };
    county = await login('county_manager', AREAS.fucheng);
    other = await login('county_manager', AREAS.youxian);
    village = await login('village_clerk', AREAS.jingzhong);
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const evidenceUrl = (personId: string, item: string) => `/api/v1/benefits/persons/${personId}/evidence/${item}`;
  const forecastUrl = (q: string) => `/api/v1/benefits/forecast?${q}`;

  it('records evidence with versions; an item keeps only its own facts', async () => {
    const first = await village.raw({ method: 'PUT', url: evidenceUrl(fam.motherA.id, 'bank_account'), payload: { facts: { bank_account: '6217000099990001', poor: true }, documentNo: '一卡通', paperFiled: true } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ item: 'bank_account', facts: { bank_account: '6217000099990001' }, paperFiled: true, version: 1 });
    expect(first.json().facts.poor).toBeUndefined();
    expect((await village.raw({ method: 'PUT', url: evidenceUrl(fam.motherA.id, 'bank_account'), payload: { paperFiled: true } })).statusCode).toBe(409);
    const second = await village.raw({ method: 'PUT', url: evidenceUrl(fam.motherA.id, 'bank_account'), payload: { version: 1, facts: { bank_account: '6217000099990002' }, paperFiled: true } });
    expect(second.json()).toMatchObject({ version: 2, facts: { bank_account: '6217000099990002' } });
    expect((await county.get(`/api/v1/benefits/persons/${fam.motherA.id}/evidence`)).json().items).toHaveLength(1);
  });

  it('forecasts the cost under the current rules and under a what-if value, saving nothing', async () => {
    const base = await county.get(forecastUrl(`programme=specialAid&area=${AREAS.fucheng}&year=2026`));
    expect(base.statusCode).toBe(200);
    // A's two parents and C's mother: rural disabled 150 a month; B's mother: urban died 340.
    expect(base.json().base).toMatchObject({ persons: 4, amountFen: (1800 * 3 + 4080) * 100, byFunding: { central: 758400, provincial: 189600 } });
    expect(base.json().base.byTownship.map((x: { areaCode: string }) => x.areaCode)).toEqual([AREAS.chengxiang, AREAS.gongqu]);
    const whatIf = (await county.get(forecastUrl(`programme=specialAid&area=${AREAS.fucheng}&year=2026&parameter=monthly_disabled_rural_yuan&jurisdiction=CN&value=200`))).json();
    expect(whatIf.scenario.amountFen).toBe((2400 * 3 + 4080) * 100);
    expect(whatIf.deltaFen).toBe(3 * 600 * 100);
    const city = (await county.get(forecastUrl(`programme=specialAid&area=5107&year=2026`))).statusCode;
    expect(city).toBe(404); // a county manager cannot forecast the whole city
    const n = await t.ctx.db.kysely.selectFrom('benefit_cycles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('evidence feeds eligibility: a certified surgery complication', async () => {
    const before = (await county.get(forecastUrl(`programme=surgeryComplicationAid&area=${AREAS.fucheng}&year=2026`))).json();
    expect(before.base.persons).toBe(0);
    await village.raw({ method: 'PUT', url: evidenceUrl(fam.motherA.id, 'surgery_complication_certificate'), payload: { facts: { surgery_complication_grade: 2 }, documentNo: '鉴定2026-01' } });
    const after = (await county.get(forecastUrl(`programme=surgeryComplicationAid&area=${AREAS.fucheng}&year=2026`))).json();
    expect(after.base).toMatchObject({ persons: 1, amountFen: 240000 });
  });

  it('shows the checklist of a line, the people still on a roster after death, exclusive programmes and the archive share', async () => {
    const cycle = (await runEligibility(t.ctx, admin(), { programme: 'specialAid', area: AREAS.fucheng, year: 2026 })).cycleId;
    await runEligibility(t.ctx, admin(), { programme: 'surgeryComplicationAid', area: AREAS.fucheng, year: 2026 });
    const lineA = (await allLines(t.ctx.db.kysely, cycle)).find((l) => l.person_id === fam.motherA.id)!;
    let list = (await village.get(`/api/v1/benefits/lines/${lineA.id}/checklist`)).json();
    expect(list.items.map((i: { item: string }) => i.item)).toEqual(['disability_certificate', 'no_further_birth_declaration', 'bank_account']);
    expect(list.complete).toBe(false);
    for (const item of ['disability_certificate', 'no_further_birth_declaration']) await village.raw({ method: 'PUT', url: evidenceUrl(fam.motherA.id, item), payload: { documentNo: 'x', paperFiled: true } });
    list = (await village.get(`/api/v1/benefits/lines/${lineA.id}/checklist`)).json();
    expect(list.complete).toBe(true);

    await addEvent(t.ctx, admin(), fam.fatherA.id, { kind: 'death', date: '2026-03-01', areaCode: AREAS.jingzhong });
    const c = (await county.get('/api/v1/benefits/consistency?year=2026')).json();
    expect(c.stillOnRoster).toEqual([expect.objectContaining({ personId: fam.fatherA.id, problem: 'person.died', deathDate: '2026-03-01' })]);
    expect(c.exclusive).toEqual([{ personId: fam.motherA.id, name: '王秀英', programmes: ['specialAid', 'surgeryComplicationAid'] }]);
    // 5 lines (4 special aid, 1 surgery aid); only A's special-aid file is complete.
    expect(c.archive).toMatchObject({ complete: 1, total: 5, share: 20 });
    expect((await other.get('/api/v1/benefits/consistency?year=2026')).json()).toMatchObject({ lines: 0, stillOnRoster: [], exclusive: [] });
  });

  it('an office overrides a parameter for its own county; the rules in force change with it', async () => {
    const url = '/api/v1/benefits/rule-overrides';
    const body = { programme: 'specialAid', parameter: 'monthly_died_urban_yuan', jurisdiction: AREAS.fucheng, series: [{ from: '2026-01-01', value: 400, reference: '涪城区2026年文件（测试）' }] };
    expect((await other.raw({ method: 'PUT', url, payload: body })).statusCode).toBe(404); // another county's jurisdiction
    expect((await county.raw({ method: 'PUT', url, payload: { ...body, jurisdiction: 'CN' } })).statusCode).toBe(404);
    expect((await village.raw({ method: 'PUT', url, payload: body })).statusCode).toBe(403);
    expect((await county.raw({ method: 'PUT', url, payload: { ...body, parameter: 'nope' } })).statusCode).toBe(400);
    expect((await county.raw({ method: 'PUT', url, payload: { ...body, series: [{ from: '2026-02-30', value: 1, reference: 'x' }] } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url, payload: body })).statusCode).toBe(401);
    const res = await county.raw({ method: 'PUT', url, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, jurisdiction: AREAS.fucheng });
    expect((await county.raw({ method: 'PUT', url, payload: body })).statusCode).toBe(409); // changing it needs its version
    const f = (await county.get(forecastUrl(`programme=specialAid&area=${AREAS.fucheng}&year=2026`))).json();
    // B's mother (urban, child died): 340 national + 60 county top-up a month.
    expect(f.base.amountFen).toBe((1800 * 3 + 4800) * 100); // A's parents (the father died in 2026: still counted) and C's mother
    const programmes = (await county.get('/api/v1/benefits/programmes')).json().items;
    const died = programmes.find((p: { code: string }) => p.code === 'specialAid').parameters.find((p: { name: string }) => p.name === 'monthly_died_urban_yuan');
    expect(died.layers.at(-1)).toMatchObject({ jurisdiction: AREAS.fucheng, values: [{ from: '2026-01-01', value: 400 }] });
    expect((await other.get(url)).json().items).toHaveLength(1);
  });

  it('401, cross-area 404 and 400 on these routes', async () => {
    const line = (await t.ctx.db.kysely.selectFrom('benefit_lines').select('id').executeTakeFirstOrThrow()).id;
    const routes = [
      { method: 'GET', url: `/api/v1/benefits/persons/${fam.motherA.id}/evidence` },
      { method: 'PUT', url: evidenceUrl(fam.motherA.id, 'bank_account'), payload: { paperFiled: true } },
      { method: 'GET', url: `/api/v1/benefits/lines/${line}/checklist` },
      { method: 'GET', url: forecastUrl(`programme=specialAid&area=${AREAS.fucheng}&year=2026`) },
    ];
    for (const r of [...routes, { method: 'GET', url: '/api/v1/benefits/consistency?year=2026' }]) {
      expect((await app.inject({ method: r.method as 'GET', url: r.url, payload: (r as { payload?: object }).payload })).statusCode, r.url).toBe(401);
    }
    for (const r of routes) expect((await other.raw({ method: r.method as 'GET', url: r.url, payload: r.payload })).statusCode, r.url).toBe(404);
    const bad = [
      { method: 'PUT', url: evidenceUrl(fam.motherA.id, 'passport'), payload: {} },
      { method: 'PUT', url: evidenceUrl(fam.motherA.id, 'bank_account'), payload: { version: 0 } },
      { method: 'GET', url: '/api/v1/benefits/consistency?year=20' },
      { method: 'GET', url: forecastUrl(`programme=specialAid&area=${AREAS.fucheng}&year=2026&parameter=x`) },
      { method: 'GET', url: forecastUrl(`programme=specialAid&area=${AREAS.fucheng}&year=2026&parameter=nope&jurisdiction=CN&value=1`) },
    ];
    for (const r of bad) expect((await county.raw({ method: r.method as 'GET', url: r.url, payload: r.payload })).statusCode, r.url).toBe(400);
  });
});
