import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// PostgreSQL: a large import drops the search indexes of persons and person_spans while its rows
// go in, and records each definition here in the same transaction as the drop; the end of the
// import (or, after a kill, the next start) creates them again from here and deletes the rows,
// again in one transaction (src/registry/imports/bulk-load.postgres.ts). SQLite takes the
// definitions from the migrations instead; the table stays empty there.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.createTable('bulk_dropped_indexes')
    .addColumn('name', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('table_name', 'varchar(128)', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .execute();
}
