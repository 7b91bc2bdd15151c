import type { Executor } from '../db/executor.ts';
import { areaRange } from '../db/area-range.ts';
import type { UserRow, UsersTable } from '../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(db: Executor, scope: string, id: string): Promise<UserRow | undefined> {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('users').selectAll().where('id', '=', id).where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirst();
}

export async function listUsers(db: Executor, scope: string): Promise<UserRow[]> {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('users').selectAll().where('area_code', '>=', lo).where('area_code', '<', hi).orderBy('area_code').orderBy('username').execute();
}

export async function insertUser(db: Executor, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUserVersioned(db: Executor, id: string, version: number, changes: Updateable<UsersTable>): Promise<boolean> {
  const r = await db.updateTable('users').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setPassword(db: Executor, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.updateTable('users').set((eb) => ({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, version: eb('version', '+', 1), updated_at: new Date().toISOString() })).where('id', '=', id).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
