// The hash-chained audit log: every write and every full-record read leaves a row; editing or
// removing a row is detected, by the service, the HTTP route and `renkou audit verify`.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/platform/http/app.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.service.ts';
import { ensureAdmin } from '../../src/platform/auth/users.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS, makePerson, makeUser } from '../support/factories.ts';
import { signIn, type Client } from '../support/http.ts';

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await ensureAdmin(t.ctx, '5107');
    app = await buildApp(t.ctx, { webDist: null });
    admin = await signIn(app, 'admin', 'Admin#2026x');
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const actions = async () => (await admin.get('/api/v1/audit?pageSize=200')).json().items.map((i: { action: string }) => i.action);

  it('records each write and each full-record read', async () => {
    const p = (await admin.post('/api/v1/persons', { name: '审计甲', sex: 'M', birthDate: '1970-01-01', hukouAreaCode: AREAS.jingzhong })).json();
    await admin.get(`/api/v1/persons/${p.id}`);
    await admin.patch(`/api/v1/persons/${p.id}`, { version: p.version, name: '审计乙' });
    await admin.post(`/api/v1/persons/${p.id}/events`, { kind: 'residence_change', date: '2020-01-01', areaCode: AREAS.jiefang });
    const list = await actions();
    expect(list.slice(0, 4)).toEqual(['event.create', 'person.update', 'person.read', 'person.create']);
    expect(list).toContain('auth.login');
    const read = (await admin.get(`/api/v1/audit?entityId=${p.id}&action=person.read`)).json();
    expect(read.items[0]).toMatchObject({ actorName: 'admin', entityType: 'person', detail: { unmasked: true } });
  });

  it('shows a county administrator only the rows of its area', async () => {
    await makePerson(t.ctx, { hukouAreaCode: AREAS.jingzhong });
    const ca = await makeUser(t.ctx, 'admin', AREAS.youxian);
    const c = await signIn(app, ca.username, ca.password);
    const items = (await c.get('/api/v1/audit?pageSize=200')).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { areaCode: string }) => i.areaCode.startsWith(AREAS.youxian))).toBe(true);
    const clerk = await makeUser(t.ctx, 'village_clerk', AREAS.jingzhong);
    expect((await (await signIn(app, clerk.username, clerk.password)).get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('detects an edited row and a removed row', async () => {
    const ok = await verifyAuditChain(t.ctx.db.kysely);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(5);
    expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true, firstBroken: null });

    const rows = await t.ctx.db.kysely.selectFrom('audit_log').select(['seq']).orderBy('seq').execute();
    const victim = Number(rows[3].seq);
    await sql`update audit_log set actor_name = 'mallory' where seq = ${victim}`.execute(t.ctx.db.kysely);
    expect((await verifyAuditChain(t.ctx.db.kysely)).firstBroken).toEqual({ seq: victim, reason: 'hash' });
    expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: false, firstBroken: { seq: victim } });

    await sql`update audit_log set actor_name = 'admin' where seq = ${victim}`.execute(t.ctx.db.kysely);
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
    const removed = Number(rows[5].seq);
    await sql`delete from audit_log where seq = ${removed}`.execute(t.ctx.db.kysely);
    const after = await verifyAuditChain(t.ctx.db.kysely);
    expect(after.ok).toBe(false);
    expect(after.firstBroken!.seq).toBeLessThanOrEqual(Number(rows[6].seq));
  });

  it('`renkou audit verify` exits 1 with the first broken row', () => {
    const env = { ...process.env, DATABASE_URL: t.url, RENKOU_DB_SCHEMA: t.schema ?? '', RENKOU_AREA_PROVINCES: '5107', RENKOU_DEMO: '0' };
    const r = spawnSync(process.execPath, ['bin/renkou.mjs', 'audit', 'verify'], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('"ok":false');
    expect(r.stderr).toMatch(/audit chain broken at seq \d+/);
  });
});

describe('`renkou audit verify` on an intact chain', () => {
  it('exits 0', async () => {
    const t = await createTestContext('sqlite');
    await ensureAdmin(t.ctx, '5107');
    await makePerson(t.ctx, {});
    const env = { ...process.env, DATABASE_URL: t.url, RENKOU_AREA_PROVINCES: '5107', RENKOU_DEMO: '0' };
    const out = execFileSync(process.execPath, ['bin/renkou.mjs', 'audit', 'verify'], { env, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ ok: true, firstBroken: null });
    await t.dispose();
  });
});
