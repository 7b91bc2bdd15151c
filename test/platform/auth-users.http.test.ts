// Sign-in, throttling, sessions, users and jobs routes: 401 / 404 / 400 and behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.ts';
import { ensureAdmin, throttle } from '../../src/platform/auth/users.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS, makeUser } from '../support/factories.ts';
import { signIn, type Client } from '../support/http.ts';

describe.each(DIALECTS)('auth and users on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Client;
  let countyAdmin: Client; // an administrator of 游仙区 only
  let fuchengUserId: string;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await ensureAdmin(t.ctx, '5107');
    app = await buildApp(t.ctx, { webDist: null });
    admin = await signIn(app, 'admin', 'Admin#2026x');
    const ca = await makeUser(t.ctx, 'admin', AREAS.youxian);
    countyAdmin = await signIn(app, ca.username, ca.password);
    fuchengUserId = (await makeUser(t.ctx, 'village_clerk', AREAS.jingzhong)).id;
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('sets an httpOnly SameSite=Strict session cookie and security headers', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Admin#2026x' } });
    const sid = res.cookies.find((c) => c.name === 'renkou_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Strict');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('refuses wrong passwords, then throttles the username', async () => {
    const u = await makeUser(t.ctx, 'statistician', AREAS.fucheng);
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'wrong-password1' } });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('auth.invalid_credentials');
    }
    const locked = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password }, headers: { 'accept-language': 'en-US' } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.throttled');
    expect(locked.json().title).toMatch(/try again in \d+ s/);
    throttle.succeed(u.username);
  });

  it('answers in English when asked', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/persons', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.json().title).toBe('Please sign in');
    const zh = await app.inject({ method: 'GET', url: '/api/v1/persons' });
    expect(zh.json().title).toBe('请先登录');
  });

  it('rejects oversized bodies with 413', async () => {
    const res = await admin.post('/api/v1/persons', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload.too_large');
  });

  it('guards the users and jobs routes: 401, 403 by role, 404 across areas, 400 on bad input', async () => {
    for (const [method, url] of [['GET', '/api/v1/users'], ['POST', '/api/v1/users'], ['GET', '/api/v1/jobs'], ['GET', '/api/v1/audit']]) {
      expect((await app.inject({ method: method as 'GET', url })).statusCode, url).toBe(401);
    }
    const clerk = await makeUser(t.ctx, 'village_clerk', AREAS.jingzhong);
    const c = await signIn(app, clerk.username, clerk.password);
    expect((await c.get('/api/v1/users')).statusCode).toBe(403);
    expect((await countyAdmin.patch(`/api/v1/users/${fuchengUserId}`, { version: 1, displayName: 'x' })).statusCode).toBe(404);
    expect((await countyAdmin.post(`/api/v1/users/${fuchengUserId}/reset-password`, {})).statusCode).toBe(404);
    const listed = (await countyAdmin.get('/api/v1/users')).json().items;
    expect(listed.every((u: { areaCode: string }) => u.areaCode.startsWith(AREAS.youxian))).toBe(true);
    const bad = await admin.post('/api/v1/users', { username: 'a', displayName: '', password: 'short', role: 'king', areaCode: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['areaCode', 'displayName', 'role', 'username']);
    const weak = await admin.post('/api/v1/users', { username: 'weakling', displayName: '弱', password: 'short', role: 'statistician', areaCode: AREAS.fucheng });
    expect(weak.json().errors).toEqual([expect.objectContaining({ field: 'password', code: 'field.password.weak' })]);
    expect((await countyAdmin.post('/api/v1/users', { username: 'outofarea', displayName: '越', password: 'Passw0rd!long', role: 'statistician', areaCode: AREAS.fucheng })).json().errors[0].code).toBe('field.area.out_of_scope');
    expect((await admin.get('/api/v1/jobs/01234567-89ab-7def-8123-456789abcdef')).statusCode).toBe(404);
  });

  it('creates a user, resets the password and forces a change at next sign-in', async () => {
    const created = await admin.post('/api/v1/users', { username: 'wang.clerk', displayName: '王录入', password: 'Passw0rd!long', role: 'village_clerk', areaCode: AREAS.jiefang });
    expect(created.statusCode).toBe(201);
    const first = await signIn(app, 'wang.clerk', 'Passw0rd!long');
    expect((await first.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true); // an administrator chose it
    const dup = await admin.post('/api/v1/users', { username: 'wang.clerk', displayName: '重复', password: 'Passw0rd!long', role: 'village_clerk', areaCode: AREAS.jiefang });
    expect(dup.statusCode).toBe(409);
    const { temporaryPassword } = (await admin.post(`/api/v1/users/${created.json().id}/reset-password`, {})).json();
    const u = await signIn(app, 'wang.clerk', temporaryPassword);
    const me = (await u.get('/api/v1/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
    expect((await u.get('/api/v1/persons')).json().code).toBe('auth.password_change_required');
    expect((await u.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'NewPassw0rd!' })).statusCode).toBe(400);
    expect((await u.post('/api/v1/auth/password', { currentPassword: temporaryPassword, newPassword: 'NewPassw0rd!' })).statusCode).toBe(204);
    expect((await u.get('/api/v1/persons')).statusCode).toBe(200);
  });

  it('ends sessions at logout and when an account is disabled', async () => {
    const u = await makeUser(t.ctx, 'statistician', AREAS.fucheng);
    const s1 = await signIn(app, u.username, u.password);
    expect((await s1.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await s1.get('/api/v1/persons')).statusCode).toBe(401);
    const s2 = await signIn(app, u.username, u.password);
    const version = (await admin.get('/api/v1/users')).json().items.find((x: { id: string }) => x.id === u.id).version;
    expect((await admin.patch(`/api/v1/users/${u.id}`, { version, disabled: true })).statusCode).toBe(200);
    expect((await s2.get('/api/v1/persons')).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } });
    expect(again.statusCode).toBe(401);
  });

  it('serves health without a session and the OpenAPI description', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toMatchObject({ status: 'ok', database: dialect });
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/persons', '/persons/{id}', '/auth/login', '/areas/{code}/children', '/users', '/audit']));
  });
});
