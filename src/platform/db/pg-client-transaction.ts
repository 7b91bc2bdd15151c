// A transaction on one raw PostgreSQL client, for bulk paths that COPY (pg-copy.ts): COPY
// needs the client itself, which Kysely does not hand out. The rest of the work runs through
// a Kysely bound to that same client, so it is in the same transaction.
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** Runs `fn` between BEGIN and COMMIT on one client of `pool` (ROLLBACK when it throws). */
export async function inClientTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient, trx: Kysely<Database>) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    // The client stays checked out until the transaction ends: Kysely's release is a no-op.
    const shim = { query: client.query.bind(client), release: () => undefined };
    const trx = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => shim, end: async () => undefined } as never }) });
    const out = await fn(client, trx);
    await client.query('commit');
    return out;
  } catch (e) {
    await client.query('rollback').catch((r: Error) => { broken = r; });
    throw e;
  } finally {
    client.release(broken); // a client whose rollback failed is not given back to the pool
  }
}
