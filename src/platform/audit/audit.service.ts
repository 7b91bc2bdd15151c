// Hash-chained audit of every write and every sensitive read (DESIGN §4).
import type { Dialect } from '../db/database.ts';
import { nowIso, type Executor } from '../db/executor.ts';
import type { Actor } from '../auth/roles.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';
import { auditRowsInOrder, insertAuditRow, listAuditRows, type AuditFilter } from './audit.repository.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  areaCode?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(trx: Executor, dialect: Dialect, actor: Actor, e: AuditEntry): Promise<void> {
  await insertAuditRow(trx, dialect, {
    at: nowIso(),
    actor_id: actor.userId,
    actor_name: actor.username,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId ?? null,
    area_code: e.areaCode ?? actor.areaCode,
    detail: JSON.stringify(e.detail ?? {}),
    ip: actor.ip,
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: 'hash' | 'link' } | null;
  headHash: string;
}

/** Walks the whole chain: an edited row breaks its hash, a removed row breaks the next link. */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const row of auditRowsInOrder(db)) {
    checked++;
    if (row.prev_hash !== prev) return { ok: false, checked, firstBroken: { seq: Number(row.seq), reason: 'link' }, headHash: prev };
    if (auditHash(row.prev_hash, row) !== row.hash) return { ok: false, checked, firstBroken: { seq: Number(row.seq), reason: 'hash' }, headHash: prev };
    prev = row.hash;
  }
  return { ok: true, checked, firstBroken: null, headHash: prev };
}

export async function listAudit(db: Executor, f: AuditFilter) {
  return listAuditRows(db, f);
}
