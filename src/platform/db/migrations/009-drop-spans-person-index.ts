import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// person_spans had two indexes led by person_id: spans_person (001) and the covering
// stats_spans_person_dates (004, person_id first). Every look-up by person (a person's spans in
// date order, deleting them, joins from events) is served by the second, so the first only cost
// writes: a large import maintained both for every span (1M spans: about 0.4 s and 40 MB).
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('spans_person').ifExists().execute();
}
