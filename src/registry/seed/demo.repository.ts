import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';

export async function countPersons(db: Executor): Promise<number> {
  const r = await db.selectFrom('persons').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function hasSyntheticPersons(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('persons').select('id').where('synthetic', '=', 1).limit(1).executeTakeFirst());
}

export async function demoJobs(db: Executor) {
  return db.selectFrom('jobs').selectAll().where('kind', '=', 'demo.seed').execute();
}

/** Removes every synthetic person with their spans and events, and the families they formed. */
export async function deleteSyntheticPopulation(db: Executor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const synthetic = trx.selectFrom('persons').select('id').where('synthetic', '=', 1);
    await trx.deleteFrom('person_spans').where('person_id', 'in', synthetic).execute();
    await trx.deleteFrom('population_events').where('person_id', 'in', synthetic).execute();
    await trx.deleteFrom('families').where('id', 'in', trx.selectFrom('persons').select('family_id').where('synthetic', '=', 1).where('family_id', 'is not', null) as any).execute();
    await trx.deleteFrom('persons').where('synthetic', '=', 1).execute();
  });
}
