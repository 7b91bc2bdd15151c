// All SQL of evidence (facts and documents recorded per person and checklist item).
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';
import type { EvidenceRow } from '../platform/db/schema.ts';

export async function evidenceFacts(db: Executor, area: string): Promise<{ person_id: string; facts: string }[]> {
  const { lo, hi } = areaRange(area);
  return db.selectFrom('benefit_evidence').select(['person_id', 'facts']).where('area_code', '>=', lo).where('area_code', '<', hi).execute();
}

export async function evidenceFactsOf(db: Executor, personIds: string[]): Promise<{ person_id: string; facts: string }[]> {
  const out: { person_id: string; facts: string }[] = [];
  for (let i = 0; i < personIds.length; i += 500) {
    out.push(...(await db.selectFrom('benefit_evidence').select(['person_id', 'facts']).where('person_id', 'in', personIds.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function evidenceOf(db: Executor, scope: string, personIds: string[]): Promise<EvidenceRow[]> {
  if (!personIds.length) return [];
  const { lo, hi } = areaRange(scope);
  const out: EvidenceRow[] = [];
  for (let i = 0; i < personIds.length; i += 500) {
    out.push(...(await db.selectFrom('benefit_evidence').selectAll().where('person_id', 'in', personIds.slice(i, i + 500))
      .where('area_code', '>=', lo).where('area_code', '<', hi).execute()));
  }
  return out;
}

export async function findEvidence(db: Executor, personId: string, item: string): Promise<EvidenceRow | undefined> {
  return db.selectFrom('benefit_evidence').selectAll().where('person_id', '=', personId).where('item', '=', item).executeTakeFirst();
}

export async function insertEvidence(db: Executor, row: EvidenceRow): Promise<void> {
  await db.insertInto('benefit_evidence').values(row).execute();
}

export async function updateEvidenceVersioned(db: Executor, id: string, version: number, changes: Partial<EvidenceRow>): Promise<boolean> {
  const r = await db.updateTable('benefit_evidence').set({ ...changes, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
