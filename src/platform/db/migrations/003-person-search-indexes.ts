import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// The indexes of the person list (person-search.repository.ts), rebuilt wider:
// - by name: id right after the name, so that a page of a common full name is read in (name, id)
//   order instead of fetching and sorting every person of that name;
// - by hukou / residence area: the name too (and the hukou area in the residence index), so that
//   a surname inside a village or township is read from the area's entries alone.
// The filter columns stay in all three: paging and capped counts read the index, not the table.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  const filters = ['birth_date', 'sex', 'status', 'is_migrant'];
  for (const name of ['persons_hukou', 'persons_residence', 'persons_name']) await db.schema.dropIndex(name).execute();
  await db.schema.createIndex('persons_hukou').on('persons').columns(['hukou_area_code', ...filters, 'name']).execute();
  await db.schema.createIndex('persons_residence').on('persons').columns(['residence_area_code', ...filters, 'hukou_area_code', 'name']).execute();
  await db.schema.createIndex('persons_name').on('persons').columns(['name', 'id', 'hukou_area_code', 'residence_area_code', ...filters]).execute();
}
