import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// Persons by the spouse their record names. A marriage may be recorded on one side only; an
// eligibility run over one county finds the spouses registered elsewhere who name a person of the
// county through this index (src/benefits/registry-facts.repository.ts). Only rows naming a
// spouse are indexed: the unmarried majority costs nothing.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('persons_spouse').on('persons').column('spouse_id').where(sql.ref('spouse_id'), 'is not', null).execute();
}
