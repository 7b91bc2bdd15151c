import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// 残疾等级 of a person (1 = most severe … 4), as certified on the disability card; null when none.
// Special aid for parents of a disabled only child needs grade 3 or worse (domain.md).
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('persons')
    .addColumn('disability_grade', 'integer', (c) => c.check(sql`disability_grade between 1 and 4`))
    .execute();
}
