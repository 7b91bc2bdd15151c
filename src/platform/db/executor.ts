import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** A database handle or a transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;

export const nowIso = () => new Date().toISOString();

/** Runs a SELECT built with Kysely: on a reader thread when the database has them. */
export type Read = <R>(query: { compile(): CompiledQuery<R>; execute(): Promise<R[]> }) => Promise<R[]>;

export function readerOf(db: Db): Read {
  const reads = db.reads;
  if (!reads) return (query) => query.execute();
  return (query) => reads.all(query.compile());
}
