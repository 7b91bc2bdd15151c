// Evidence on a person (facts the registry cannot know, with their documents) and the checklist
// of a roster line. Writes are audited and versioned.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { EvidenceRow } from '../platform/db/schema.ts';
import { notFound, staleVersion } from '../platform/http/errors.ts';
import * as cycles from './cycles.repository.ts';
import { checklistOf, EVIDENCE_ITEMS, factsFor, fileComplete, type EvidenceItem } from './evidence.ts';
import * as repo from './evidence.repository.ts';
import { personsByIds } from './registry-facts.repository.ts';
import { currentRules } from './rules.service.ts';
import type { ProgrammeCode } from './rules.ts';

function view(e: EvidenceRow) {
  return { item: e.item, title: EVIDENCE_ITEMS[e.item as EvidenceItem] ? { zh: EVIDENCE_ITEMS[e.item as EvidenceItem].zh, en: EVIDENCE_ITEMS[e.item as EvidenceItem].en } : null, facts: JSON.parse(e.facts), documentNo: e.document_no, paperFiled: e.paper_filed === 1, note: e.note, version: e.version, updatedAt: e.updated_at };
}

async function personInScope(ctx: AppContext, actor: Actor, personId: string) {
  const [p] = await personsByIds(ctx.db.kysely, [personId]);
  if (!p || !p.hukou_area_code.startsWith(actor.areaCode)) throw notFound();
  return p;
}

export async function listEvidence(ctx: AppContext, actor: Actor, personId: string) {
  await personInScope(ctx, actor, personId);
  return { items: (await repo.evidenceOf(ctx.db.kysely, actor.areaCode, [personId])).map(view) };
}

export interface EvidenceInput {
  version?: number;
  facts?: Record<string, unknown>;
  documentNo?: string | null;
  paperFiled?: boolean;
  note?: string | null;
}

/** Records (or updates, with its version) one checklist item of a person. */
export async function recordEvidence(ctx: AppContext, actor: Actor, personId: string, item: EvidenceItem, input: EvidenceInput) {
  const p = await personInScope(ctx, actor, personId);
  const db = ctx.db.kysely;
  const facts = JSON.stringify(factsFor(item, input.facts ?? {}));
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const existing = await repo.findEvidence(trx, personId, item);
    if (existing) {
      if (input.version !== existing.version) throw staleVersion();
      const ok = await repo.updateEvidenceVersioned(trx, existing.id, existing.version, {
        facts, document_no: input.documentNo ?? null, paper_filed: input.paperFiled ? 1 : 0, note: input.note ?? null, area_code: p.hukou_area_code,
      });
      if (!ok) throw staleVersion();
    } else {
      if (input.version !== undefined) throw staleVersion();
      await repo.insertEvidence(trx, { id: uuidv7(), person_id: personId, area_code: p.hukou_area_code, item, facts, document_no: input.documentNo ?? null, paper_filed: input.paperFiled ? 1 : 0, note: input.note ?? null, version: 1, created_at: now, updated_at: now });
    }
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.evidence.record', entityType: 'person', entityId: personId, areaCode: p.hukou_area_code, detail: { item } });
  });
  return view((await repo.findEvidence(db, personId, item))!);
}

/** The documents checklist of a roster line, with what was received and filed. */
export async function lineChecklist(ctx: AppContext, actor: Actor, lineId: string) {
  const db = ctx.db.kysely;
  const line = await cycles.findLine(db, actor.areaCode, lineId);
  if (!line) throw notFound();
  const cycle = (await cycles.findCycle(db, '', line.cycle_id))!;
  const rules = await currentRules(ctx);
  const evidence = new Map((await repo.evidenceOf(db, '', [line.person_id])).map((e) => [e.item, e]));
  const items = checklistOf(rules[cycle.programme as ProgrammeCode].checklist, JSON.parse(line.reasons), evidence)
    .map((c) => ({ ...c, title: EVIDENCE_ITEMS[c.item as EvidenceItem] ?? null }));
  return { lineId, personId: line.person_id, complete: fileComplete(items), items };
}
