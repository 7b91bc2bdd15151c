// Users, sign-in and sessions.
import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../context.ts';
import { audit } from '../audit/audit.service.ts';
import type { Role, UserRow } from '../db/schema.ts';
import { AppError, notFound, staleVersion, validationFailed } from '../http/errors.ts';
import { generatePassword, hashPassword, isStrongPassword, verifyPassword } from './password.ts';
import { ROLES, systemActor, type Actor } from './roles.ts';
import * as sessions from './sessions.repository.ts';
import { LoginThrottle } from './throttle.ts';
import * as repo from './users.repository.ts';

export const throttle = new LoginThrottle();
// A hash to compare against when the username is unknown, so timing does not reveal it.
const dummyHash = hashPassword('not-a-real-password-0');

export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export function userView(ctx: AppContext, u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    areaCode: u.area_code,
    areaName: ctx.areas.fullName(u.area_code) || u.area_code,
    permissions: ROLES[u.role].permissions,
    mustChangePassword: u.must_change_password === 1,
    disabled: u.disabled === 1,
    version: u.version,
    createdAt: u.created_at,
  };
}

export const actorOf = (u: UserRow, ip: string | null): Actor => ({ userId: u.id, username: u.username, role: u.role, areaCode: u.area_code, ip });

export async function login(ctx: AppContext, username: string, password: string, ip: string | null) {
  const wait = throttle.waitSeconds(username);
  if (wait > 0) throw new AppError(429, 'auth.throttled', { seconds: wait });
  const db = ctx.db.kysely;
  const user = await repo.findUserByUsername(db, username);
  const ok = user ? await verifyPassword(password, user.password_hash) : (await verifyPassword(password, await dummyHash), false);
  if (!user || !ok || user.disabled) {
    throttle.fail(username);
    await db.transaction().execute((trx) =>
      audit(trx, ctx.db.dialect, { ...systemActor(user?.area_code ?? ''), username: username.slice(0, 64), ip }, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null, areaCode: user?.area_code ?? null }),
    );
    throw new AppError(401, user && ok && user.disabled ? 'auth.disabled' : 'auth.invalid_credentials');
  }
  throttle.succeed(username);
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expires = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await db.transaction().execute(async (trx) => {
    await sessions.insertSession(trx, sessionId(token), user.id, now.toISOString(), expires.toISOString());
    await audit(trx, ctx.db.dialect, actorOf(user, ip), { action: 'auth.login', entityType: 'user', entityId: user.id, areaCode: user.area_code });
  });
  return { token, user, expires };
}

export async function logout(ctx: AppContext, token: string, actor: Actor) {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await sessions.deleteSession(trx, sessionId(token));
    await audit(trx, ctx.db.dialect, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function changePassword(ctx: AppContext, actor: Actor, current: string, next: string) {
  const db = ctx.db.kysely;
  const user = await repo.findUserByUsername(db, actor.username);
  if (!user) throw notFound();
  if (!(await verifyPassword(current, user.password_hash))) throw validationFailed([{ field: 'currentPassword', code: 'auth.wrong_password' }]);
  if (!isStrongPassword(next)) throw validationFailed([{ field: 'newPassword', code: 'field.password.weak' }]);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, user.id, hash, false);
    await audit(trx, ctx.db.dialect, actor, { action: 'user.password_change', entityType: 'user', entityId: user.id, areaCode: user.area_code });
  });
}

export interface NewUserInput { username: string; displayName: string; password: string; role: Role; areaCode: string }

export async function createUser(ctx: AppContext, actor: Actor, input: NewUserInput, opts: { mustChangePassword?: boolean } = {}) {
  const errors = [];
  if (!ctx.areas.has(input.areaCode)) errors.push({ field: 'areaCode', code: 'field.area.unknown' });
  else if (!input.areaCode.startsWith(actor.areaCode)) errors.push({ field: 'areaCode', code: 'field.area.out_of_scope' });
  if (!isStrongPassword(input.password)) errors.push({ field: 'password', code: 'field.password.weak' });
  if (errors.length) throw validationFailed(errors);
  const db = ctx.db.kysely;
  const id = uuidv7();
  const now = new Date().toISOString();
  const hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    if (await repo.findUserByUsername(trx, input.username)) {
      throw new AppError(409, 'conflict.duplicate_username', {}, [{ field: 'username', code: 'conflict.duplicate_username' }]);
    }
    await repo.insertUser(trx, {
      id, username: input.username, display_name: input.displayName, password_hash: hash, role: input.role, area_code: input.areaCode,
      disabled: 0, must_change_password: opts.mustChangePassword ? 1 : 0, version: 1, created_at: now, updated_at: now,
    });
    await audit(trx, ctx.db.dialect, actor, { action: 'user.create', entityType: 'user', entityId: id, areaCode: input.areaCode, detail: { username: input.username, role: input.role } });
  });
  return userView(ctx, (await repo.findUser(db, '', id))!);
}

export async function listUsers(ctx: AppContext, actor: Actor) {
  return (await repo.listUsers(ctx.db.kysely, actor.areaCode)).map((u) => userView(ctx, u));
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: { version: number; displayName?: string; role?: Role; areaCode?: string; disabled?: boolean }) {
  const db = ctx.db.kysely;
  const user = await repo.findUser(db, actor.areaCode, id);
  if (!user) throw notFound();
  if (input.areaCode !== undefined) {
    if (!ctx.areas.has(input.areaCode)) throw validationFailed([{ field: 'areaCode', code: 'field.area.unknown' }]);
    if (!input.areaCode.startsWith(actor.areaCode)) throw validationFailed([{ field: 'areaCode', code: 'field.area.out_of_scope' }]);
  }
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateUserVersioned(trx, id, input.version, {
      display_name: input.displayName ?? user.display_name,
      role: input.role ?? user.role,
      area_code: input.areaCode ?? user.area_code,
      disabled: input.disabled === undefined ? user.disabled : input.disabled ? 1 : 0,
      updated_at: new Date().toISOString(),
    });
    if (!ok) throw staleVersion();
    // A changed role, area or a disabled account takes effect at once.
    if (input.disabled || input.role || input.areaCode) await sessions.deleteUserSessions(trx, id);
    await audit(trx, ctx.db.dialect, actor, { action: 'user.update', entityType: 'user', entityId: id, areaCode: user.area_code, detail: { role: input.role, areaCode: input.areaCode, disabled: input.disabled } });
  });
  return userView(ctx, (await repo.findUser(db, '', id))!);
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.db.kysely;
  const user = await repo.findUser(db, actor.areaCode, id);
  if (!user) throw notFound();
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, id, hash, true);
    await sessions.deleteUserSessions(trx, id);
    await audit(trx, ctx.db.dialect, actor, { action: 'user.password_reset', entityType: 'user', entityId: id, areaCode: user.area_code });
  });
  return { temporaryPassword };
}

/** First start: create the administrator when no user exists. Returns the password when generated. */
export async function ensureAdmin(ctx: AppContext, areaCode: string): Promise<{ created: boolean; password?: string; generated: boolean }> {
  if ((await repo.countUsers(ctx.db.kysely)) > 0) return { created: false, generated: false };
  const generated = !ctx.config.adminPassword;
  const password = ctx.config.adminPassword ?? generatePassword();
  await createUser(ctx, systemActor(''), { username: 'admin', displayName: '系统管理员', password, role: 'admin', areaCode });
  return { created: true, password, generated };
}
