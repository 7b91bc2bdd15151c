import type { Executor } from '../../platform/db/executor.ts';
import type { AreaRow } from '../../platform/db/schema.ts';

export async function countAreas(db: Executor): Promise<number> {
  const r = await db.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAreas(db: Executor, rows: AreaRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await db.insertInto('areas').values(rows.slice(i, i + 2000)).execute();
}

export async function allAreas(db: Executor): Promise<AreaRow[]> {
  return db.selectFrom('areas').selectAll().execute();
}
