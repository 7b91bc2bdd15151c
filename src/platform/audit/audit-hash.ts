// The audit chain: each row's hash covers its content and the previous row's hash.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  area_code: string | null;
  detail: string;
  ip: string | null;
}

export function auditHash(prevHash: string, c: AuditContent): string {
  const canonical = JSON.stringify([c.at, c.actor_id, c.actor_name, c.action, c.entity_type, c.entity_id, c.area_code, c.detail, c.ip]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
