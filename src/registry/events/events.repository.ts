// All SQL about population events. Events are reached through their person, so scope is the
// person's: an event is visible when its person is.
import type { Executor } from '../../platform/db/executor.ts';
import type { EventRow, NewEvent, PopulationEventsTable } from '../../platform/db/schema.ts';
import type { Updateable } from 'kysely';
import { inScope } from '../persons/persons.repository.ts';

export async function eventsOfPerson(db: Executor, personId: string): Promise<EventRow[]> {
  return db.selectFrom('population_events').selectAll().where('person_id', '=', personId).orderBy('date').orderBy('created_at').execute();
}

export async function findEvent(db: Executor, scope: string, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('population_events').selectAll('population_events')
    .innerJoin('persons', 'persons.id', 'population_events.person_id')
    .where('population_events.id', '=', id)
    .where(inScope(scope) as any)
    .executeTakeFirst();
}

export async function eventExists(db: Executor, kind: string, personId: string, date: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('population_events').select('id').where('kind', '=', kind as EventRow['kind']).where('person_id', '=', personId).where('date', '=', date);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertEvent(db: Executor, row: NewEvent): Promise<void> {
  await db.insertInto('population_events').values(row).execute();
}

export async function updateEventVersioned(db: Executor, id: string, version: number, changes: Updateable<PopulationEventsTable>): Promise<boolean> {
  const r = await db.updateTable('population_events').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteEventVersioned(db: Executor, id: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom('population_events').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
