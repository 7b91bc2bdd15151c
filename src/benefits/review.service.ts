// Review actions on roster lines: all lines of one request in one transaction; a stale version
// (someone acted first) answers 409 and changes nothing.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { AppError, notFound, staleVersion, validationFailed } from '../platform/http/errors.ts';
import * as repo from './cycles.repository.ts';
import { levelOf, nextStage, type ReviewAction } from './review.ts';

export interface ReviewInput {
  action: ReviewAction;
  reason?: string | null;
  lines: { id: string; version: number }[];
}

export async function reviewLines(ctx: AppContext, actor: Actor, cycleId: string, input: ReviewInput) {
  if (input.action === 'return' && !input.reason?.trim()) throw validationFailed([{ field: 'reason', code: 'field.required' }]);
  const db = ctx.db.kysely;
  const cycle = await repo.findCycle(db, actor.areaCode, cycleId);
  if (!cycle) throw notFound();
  if (cycle.status !== 'review') throw new AppError(409, 'benefits.cycle_state', { status: cycle.status });
  const level = levelOf(actor.areaCode);
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const found = new Map((await repo.findLines(trx, actor.areaCode, input.lines.map((l) => l.id))).map((l) => [l.id, l]));
    const out: { id: string; stage: string; version: number }[] = [];
    for (const want of input.lines) {
      const line = found.get(want.id);
      if (!line || line.cycle_id !== cycleId) throw notFound();
      if (line.version !== want.version) throw staleVersion();
      const next = nextStage(level, input.action, line.stage);
      if (!next) throw new AppError(409, 'benefits.review_order', { stage: line.stage });
      const returned = input.action === 'return';
      const ok = await repo.updateLineVersioned(trx, line.id, line.version, {
        stage: next.stage,
        returned_reason: returned ? input.reason!.trim() : line.returned_reason,
        returned_level: returned ? level : line.returned_level,
      });
      if (!ok) throw staleVersion();
      await repo.insertReviewAction(trx, { id: uuidv7(), line_id: line.id, level, action: next.name, reason: input.reason?.trim() || null, actor_id: actor.userId, actor_name: actor.username, at });
      out.push({ id: line.id, stage: next.stage, version: line.version + 1 });
    }
    await audit(trx, ctx.db.dialect, actor, { action: `benefits.review.${input.action}`, entityType: 'benefit_cycle', entityId: cycleId, areaCode: actor.areaCode, detail: { level, lines: out.length, reason: input.reason ?? null } });
    return { level, lines: out };
  });
}
