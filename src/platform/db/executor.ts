import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A database handle or a transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;

export const nowIso = () => new Date().toISOString();
