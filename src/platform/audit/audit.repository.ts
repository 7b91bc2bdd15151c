import { sql } from 'kysely';
import type { Dialect } from '../db/database.ts';
import type { Executor } from '../db/executor.ts';
import { areaRange } from '../db/area-range.ts';
import type { AuditRow } from '../db/schema.ts';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash.ts';

const AUDIT_LOCK_KEY = 727001;

/** Appends one row to the chain. Must run inside the transaction of the write it records. */
export async function insertAuditRow(trx: Executor, dialect: Dialect, content: AuditContent): Promise<void> {
  // PostgreSQL writers run concurrently: serialise chain appends. SQLite writes are already serial.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  // Object.assign: a spread followed by new properties is a slow path of Node 20's V8 (see person-view.ts).
  await trx.insertInto('audit_log').values(Object.assign({}, content, { prev_hash: prev, hash: auditHash(prev, content) })).execute();
}

export interface AuditFilter {
  scope: string;
  action?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

export async function listAuditRows(db: Executor, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log');
  if (f.scope) {
    const { lo, hi } = areaRange(f.scope);
    q = q.where('area_code', '>=', lo).where('area_code', '<', hi);
  }
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function* auditRowsInOrder(db: Executor, batch = 5000): AsyncGenerator<AuditRow> {
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return;
    for (const r of rows) yield r;
    after = Number(rows[rows.length - 1].seq);
  }
}
