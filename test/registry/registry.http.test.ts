// Every registry route: unauthenticated → 401, another area → 404, bad input → 400 with
// field errors, and the happy path, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { addEvent } from '../../src/registry/events/events.service.ts';
import { admin, AREAS, idFor, makePerson, makeUser } from '../support/factories.ts';
import { signIn, type Client } from '../support/http.ts';

describe.each(DIALECTS)('registry HTTP API on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let clerk: Client; // village clerk of 警钟街社区
  let other: Client; // township reviewer of 游仙区's first township
  let stat: Client; // statistician of 涪城区 (read-only)
  let mother: Awaited<ReturnType<typeof makePerson>>;
  let outsider: Awaited<ReturnType<typeof makePerson>>;
  let moveId: string; // an event of the mother's

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    mother = await makePerson(t.ctx, { name: '李秀英', sex: 'F', birthDate: '1990-04-02', hukouAreaCode: AREAS.jingzhong, phone: '13912345678' });
    moveId = (await addEvent(t.ctx, admin(), mother.id, { kind: 'residence_change', date: '2020-01-01', areaCode: AREAS.jiefang })).id;
    outsider = await makePerson(t.ctx, { name: '王强', sex: 'M', birthDate: '1988-01-09', hukouAreaCode: `${AREAS.youxianTown}001` });
    const u1 = await makeUser(t.ctx, 'village_clerk', AREAS.jingzhong);
    const u2 = await makeUser(t.ctx, 'township_reviewer', AREAS.youxianTown);
    const u3 = await makeUser(t.ctx, 'statistician', AREAS.fucheng);
    clerk = await signIn(app, u1.username, u1.password);
    other = await signIn(app, u2.username, u2.password);
    stat = await signIn(app, u3.username, u3.password);
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const routes = () => [
    { method: 'GET', url: `/api/v1/persons?area=${AREAS.jingzhong}` },
    { method: 'GET', url: `/api/v1/persons/${mother.id}` },
    { method: 'PATCH', url: `/api/v1/persons/${mother.id}`, body: { version: 1, name: '李秀英' } },
    { method: 'POST', url: `/api/v1/persons/${mother.id}/events`, body: { kind: 'residence_change', date: '2024-01-01', areaCode: AREAS.jiefang } },
    { method: 'GET', url: `/api/v1/areas/${AREAS.jingzhong}` },
    { method: 'GET', url: `/api/v1/areas/${AREAS.jingzhong}/children` },
    { method: 'PATCH', url: `/api/v1/events/${moveId}`, body: { version: 1, note: '越界修改' } },
    { method: 'DELETE', url: `/api/v1/events/${moveId}?version=1` },
    { method: 'GET', url: `/api/v1/population?area=${AREAS.jingzhong}&date=2025-01-01` },
  ];

  it('answers 401 to every route without a session', async () => {
    for (const r of [...routes(), { method: 'POST', url: '/api/v1/persons', body: {} }, { method: 'POST', url: '/api/v1/births', body: {} }, { method: 'GET', url: '/api/v1/id-numbers/11010519491231002X' }]) {
      const res = await app.inject({ method: r.method as 'GET', url: r.url, payload: (r as { body?: object }).body });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('auth.required');
    }
  });

  it('answers 404, never 403, to a user of another area on every route', async () => {
    for (const r of routes()) {
      const res = await other.raw({ method: r.method as 'GET', url: r.url, payload: (r as { body?: object }).body });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    // Creating a person in someone else's area is a field error, not a write.
    const res = await other.post('/api/v1/persons', { name: '越界', sex: 'M', birthDate: '1990-01-01', hukouAreaCode: AREAS.jingzhong });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'hukouAreaCode', code: 'field.area.out_of_scope' }));
    // A birth to a mother outside the area: the mother is not found.
    const birth = await other.post('/api/v1/births', { name: '李小宝', sex: 'M', date: '2026-01-02', areaCode: AREAS.jingzhong, motherId: mother.id });
    expect(birth.statusCode).toBe(400);
    expect(birth.json().errors).toContainEqual(expect.objectContaining({ field: 'motherId', code: 'field.person.not_found' }));
    expect(birth.json().errors).toContainEqual(expect.objectContaining({ field: 'areaCode', code: 'field.area.out_of_scope' }));
    // Area search finds nothing outside one's own area; the event survived the attempts.
    expect((await other.get('/api/v1/areas?q=警钟')).json().items).toEqual([]);
    expect((await clerk.get('/api/v1/areas?q=警钟')).json().items.map((a: { code: string }) => a.code)).toContain(AREAS.jingzhong);
    const events = (await clerk.get(`/api/v1/persons/${mother.id}`)).json().events;
    expect(events.find((e: { id: string }) => e.id === moveId)).toMatchObject({ note: null, version: 1 });
    // …and the outsider is invisible to the clerk.
    expect((await clerk.get(`/api/v1/persons/${outsider.id}`)).statusCode).toBe(404);
    const list = await clerk.get(`/api/v1/persons?q=${encodeURIComponent('王强')}`);
    expect(list.json().items).toHaveLength(0);
  });

  it('answers 400 with field errors to bad input', async () => {
    const cases: [string, string, object | undefined, string][] = [
      ['GET', '/api/v1/persons?ageMin=abc', undefined, 'ageMin'],
      ['GET', '/api/v1/persons?sex=X', undefined, 'sex'],
      ['GET', '/api/v1/persons/not-a-uuid', undefined, 'id'],
      ['POST', '/api/v1/persons', { name: '', sex: 'M', birthDate: '1990-01-01', hukouAreaCode: AREAS.jingzhong }, 'name'],
      ['POST', '/api/v1/persons', { name: '甲', sex: 'M', birthDate: '1990-01-01', hukouAreaCode: AREAS.jingzhong, idNumber: '11010519491231002Y' }, 'idNumber'],
      ['POST', '/api/v1/persons', { name: '甲', sex: 'M', birthDate: '1990-02-30', hukouAreaCode: AREAS.jingzhong }, 'birthDate'],
      ['PATCH', `/api/v1/persons/${mother.id}`, { name: '无版本' }, 'version'],
      ['PATCH', `/api/v1/persons/${mother.id}`, { version: 1, birthDate: '2099-01-01', idNumber: null }, 'birthDate'],
      ['POST', `/api/v1/persons/${mother.id}/events`, { kind: 'explode', date: '2024-01-01', areaCode: AREAS.jingzhong }, 'kind'],
      ['POST', `/api/v1/persons/${mother.id}/events`, { kind: 'death', date: '2099-01-01', areaCode: AREAS.jingzhong }, 'date'],
      ['POST', '/api/v1/births', { name: '婴', sex: 'M', date: '2026-01-02', areaCode: AREAS.jingzhong, motherId: outsider.id }, 'motherId'],
      ['GET', '/api/v1/areas/abc', undefined, 'code'],
      ['GET', '/api/v1/areas?q=', undefined, 'q'],
      ['PATCH', `/api/v1/events/${moveId}`, { note: '无版本' }, 'version'],
      ['PATCH', `/api/v1/events/${moveId}`, { version: 1, date: '2020-02-30' }, 'date'],
      ['DELETE', `/api/v1/events/${moveId}`, undefined, 'version'],
      ['GET', `/api/v1/population?area=${AREAS.jingzhong}&date=2025-13-01`, undefined, 'date'],
      ['GET', `/api/v1/population?area=${AREAS.jingzhong}&date=2025-01-01&basis=x`, undefined, 'basis'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await clerk.raw({ method: method as 'GET', url, payload: body });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      const problem = res.json();
      expect(problem.code).toBe('validation.failed');
      expect(problem.errors.map((e: { field: string }) => e.field), `${method} ${url}`).toContain(field);
    }
  });

  it('refuses unsafe methods without the CSRF token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: { cookie: clerk.cookie }, payload: { name: '甲' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf.invalid');
  });

  it('lets a read-only role read but not write', async () => {
    expect((await stat.get(`/api/v1/persons/${mother.id}`)).statusCode).toBe(200);
    const res = await stat.patch(`/api/v1/persons/${mother.id}`, { version: 1, name: '改名' });
    expect(res.statusCode).toBe(403);
  });

  it('masks ID and phone numbers in lists and for roles that may not see them', async () => {
    const list = (await clerk.get(`/api/v1/persons?area=${AREAS.jingzhong}`)).json();
    const item = list.items.find((i: { id: string }) => i.id === mother.id);
    expect(item.idNumber).toMatch(/^510703\*{8}\d{3}[\dX]$/);
    const full = (await clerk.get(`/api/v1/persons/${mother.id}`)).json();
    expect(full.idNumber).toBe(mother.idNumber);
    expect(full.phone).toBe('13912345678');
    const masked = (await stat.get(`/api/v1/persons/${mother.id}`)).json();
    expect(masked.idNumberMasked).toBe(true);
    expect(masked.phone).toBe('139****5678');
  });

  it('refuses a stale edit with 409 instead of overwriting', async () => {
    const p = await makePerson(t.ctx, { name: '赵敏', hukouAreaCode: AREAS.jingzhong });
    const first = await clerk.patch(`/api/v1/persons/${p.id}`, { version: p.version, name: '赵敏敏' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(p.version + 1);
    const stale = await clerk.patch(`/api/v1/persons/${p.id}`, { version: p.version, name: '赵小敏' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale_version');
    expect((await clerk.get(`/api/v1/persons/${p.id}`)).json().name).toBe('赵敏敏');
  });

  it('records a disability grade 1–4, clears it with null and refuses other values', async () => {
    const p = await makePerson(t.ctx, { name: '孙残', hukouAreaCode: AREAS.jingzhong });
    const set = await clerk.patch(`/api/v1/persons/${p.id}`, { version: p.version, disabilityGrade: 3 });
    expect(set.statusCode).toBe(200);
    expect(set.json().disabilityGrade).toBe(3);
    const bad = await clerk.patch(`/api/v1/persons/${p.id}`, { version: set.json().version, disabilityGrade: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['disabilityGrade']);
    const cleared = await clerk.patch(`/api/v1/persons/${p.id}`, { version: set.json().version, disabilityGrade: null });
    expect(cleared.json().disabilityGrade).toBeNull();
  });

  it('registers a birth with its parity and shows it on the mother', async () => {
    const res = await clerk.post('/api/v1/births', { name: '李小宝', sex: 'M', date: '2026-01-02', areaCode: AREAS.jingzhong, motherId: mother.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().event.parity).toBe(1);
    const second = await clerk.post('/api/v1/births', { name: '李二宝', sex: 'F', date: '2026-10-30', areaCode: AREAS.jingzhong, motherId: mother.id });
    expect(second.json().event.parity).toBe(2);
    const m = (await clerk.get(`/api/v1/persons/${mother.id}`)).json();
    expect(m.children.map((c: { name: string; parity: number }) => [c.name, c.parity])).toEqual([['李小宝', 1], ['李二宝', 2]]);
  });

  it('searches by ID number, name prefix, sex, age and migrant status', async () => {
    const p = await makePerson(t.ctx, { name: '欧阳修', sex: 'M', birthDate: '1950-02-03', hukouAreaCode: AREAS.jingzhong, residenceAreaCode: AREAS.youxianTown + '001' });
    const byId = (await clerk.get(`/api/v1/persons?q=${p.idNumber}`)).json();
    expect(byId.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    const byName = (await clerk.get(`/api/v1/persons?q=${encodeURIComponent('欧阳')}`)).json();
    expect(byName.items.map((i: { name: string }) => i.name)).toEqual(['欧阳修']);
    const old = (await clerk.get('/api/v1/persons?ageMin=70&sex=M')).json();
    expect(old.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(old.items.every((i: { age: number; sex: string }) => i.age >= 70 && i.sex === 'M')).toBe(true);
    const migrants = (await clerk.get('/api/v1/persons?migrant=true')).json();
    expect(migrants.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    const young = (await clerk.get('/api/v1/persons?ageMax=30')).json();
    expect(young.items.every((i: { age: number }) => i.age <= 30)).toBe(true);
  });

  it('reports what an ID number says for the form', async () => {
    const res = (await clerk.get('/api/v1/id-numbers/11010519491231002X')).json();
    expect(res).toMatchObject({ valid: true, birthDate: '1949-12-31', sex: 'F', addressCode: '110105', addressKnown: true });
    const old = (await clerk.get(`/api/v1/id-numbers/${idFor('1960-01-01', 'M', '510724')}`)).json();
    expect(old.addressKnown).toBe(true); // 安县: a historical code
    expect((await clerk.get('/api/v1/id-numbers/110105194912310021')).json()).toEqual({ valid: false, problem: 'check_char' });
  });
});
