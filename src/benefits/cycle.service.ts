// Use cases of a cycle after its eligibility run: the board (step progress), lines, the public
// notice with its objections, and the freeze of the roster.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { CycleRow, LineStage } from '../platform/db/schema.ts';
import { AppError, notFound, staleVersion } from '../platform/http/errors.ts';
import { maskIdNumber } from '../platform/privacy/mask.ts';
import * as repo from './cycles.repository.ts';
import { evidenceFactsOf } from './evidence.repository.ts';
import { paymentTotals } from './payments.repository.ts';
import { noticeEnd, publicLine } from './notice.ts';
import { currentRules } from './rules.service.ts';
import type { ProgrammeCode } from './rules.ts';

const ORDER: LineStage[] = ['pending', 'declared', 'reviewed', 'confirmed'];

export async function requireCycle(ctx: AppContext, actor: Actor, id: string): Promise<CycleRow> {
  const c = await repo.findCycle(ctx.db.kysely, actor.areaCode, id);
  if (!c) throw notFound();
  return c;
}

function cycleView(ctx: AppContext, c: CycleRow) {
  return {
    id: c.id, programme: c.programme, areaCode: c.area_code, areaName: ctx.areas.has(c.area_code) ? ctx.areas.fullName(c.area_code) : c.area_code,
    year: c.year, status: c.status, noticeFrom: c.notice_from, noticeTo: c.notice_to, version: c.version, updatedAt: c.updated_at,
  };
}

export async function listCycles(ctx: AppContext, actor: Actor, f: { programme?: string; year?: number }) {
  return { items: (await repo.listCycles(ctx.db.kysely, actor.areaCode, f)).map((c) => cycleView(ctx, c)) };
}

/** The cycle board: each step's progress within the caller's area. */
export async function getCycle(ctx: AppContext, actor: Actor, id: string) {
  const c = await requireCycle(ctx, actor, id);
  const db = ctx.db.kysely;
  const counts = await repo.stageCounts(db, actor.areaCode, c.id);
  const sum = (pred: (r: (typeof counts)[number]) => boolean) => counts.filter(pred).reduce((a, r) => a + Number(r.n), 0);
  const total = sum((r) => r.stage !== 'withdrawn');
  const atLeast = (s: LineStage) => sum((r) => r.stage !== 'withdrawn' && ORDER.indexOf(r.stage) >= ORDER.indexOf(s));
  const objections = await repo.listObjections(db, actor.areaCode, c.id);
  const pay = await paymentTotals(db, actor.areaCode, c.id);
  return {
    ...cycleView(ctx, c),
    lines: {
      total,
      new: sum((r) => r.kind === 'new' && r.stage !== 'withdrawn'),
      continuing: sum((r) => r.kind === 'continuing' && r.stage !== 'withdrawn'),
      leaving: sum((r) => r.kind === 'leaving' && r.stage !== 'withdrawn'),
      withdrawn: sum((r) => r.stage === 'withdrawn'),
    },
    steps: {
      declared: atLeast('declared'),
      reviewed: atLeast('reviewed'),
      confirmed: atLeast('confirmed'),
      frozen: sum((r) => r.stage !== 'withdrawn' && Number(r.frozen) === 1),
      objectionsOpen: objections.filter((o) => o.status === 'open').length,
      objectionsResolved: objections.filter((o) => o.status === 'resolved').length,
      dueFen: pay.dueFen,
      paidFen: pay.paidFen,
      pendingPayments: pay.pending,
      failedPayments: pay.failedUnpaid,
    },
  };
}

export async function listLines(ctx: AppContext, actor: Actor, cycleId: string, f: { stage?: LineStage; kind?: string; area?: string; page: number; pageSize: number }) {
  await requireCycle(ctx, actor, cycleId);
  const db = ctx.db.kysely;
  const filter = { scope: actor.areaCode, cycleId, stage: f.stage, kind: f.kind, area: f.area };
  const rows = await repo.listLines(db, { ...filter, offset: (f.page - 1) * f.pageSize, limit: f.pageSize });
  const persons = new Map((await repo.snapshotRows(db, rows.map((r) => r.person_id))).map((p) => [p.id, p]));
  return {
    items: rows.map((l) => {
      const p = persons.get(l.person_id);
      const snap = l.snapshot ? (JSON.parse(l.snapshot) as { name: string; idNumber: string | null }) : null;
      return {
        id: l.id, personId: l.person_id, name: snap?.name ?? p?.name ?? '', idNumber: maskIdNumber(snap?.idNumber ?? p?.id_number ?? null),
        areaCode: l.area_code, areaName: ctx.areas.has(l.area_code) ? ctx.areas.name(l.area_code) : l.area_code,
        kind: l.kind, eligible: l.eligible === 1, reasons: JSON.parse(l.reasons) as string[], scheme: l.scheme, stage: l.stage,
        returnedReason: l.returned_reason, returnedLevel: l.returned_level, amountFen: l.amount_fen, split: JSON.parse(l.split),
        frozen: l.frozen === 1, bankAccount: l.bank_account, version: l.version,
      };
    }),
    page: f.page, pageSize: f.pageSize, total: await repo.countLines(db, filter),
  };
}

/** One line in full: its review history and the parameter values it used (audited read). */
export async function getLine(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.db.kysely;
  const l = await repo.findLine(db, actor.areaCode, id);
  if (!l) throw notFound();
  const [history, params] = await Promise.all([repo.reviewHistory(db, id), l.param_set_id ? repo.paramSet(db, l.param_set_id) : undefined]);
  await db.transaction().execute((trx) => audit(trx, ctx.db.dialect, actor, { action: 'benefits.line.read', entityType: 'benefit_line', entityId: id, areaCode: l.area_code }));
  return {
    id: l.id, cycleId: l.cycle_id, personId: l.person_id, areaCode: l.area_code, kind: l.kind, eligible: l.eligible === 1,
    reasons: JSON.parse(l.reasons), scheme: l.scheme, stage: l.stage, amountFen: l.amount_fen, split: JSON.parse(l.split),
    ruleVersion: l.rule_version, paramsUsed: params ? JSON.parse(params) : null, frozen: l.frozen === 1,
    snapshot: l.snapshot ? { ...JSON.parse(l.snapshot), idNumber: maskIdNumber(JSON.parse(l.snapshot).idNumber) } : null,
    bankAccount: l.bank_account, version: l.version,
    history: history.map((h) => ({ level: h.level, action: h.action, reason: h.reason, actor: h.actor_name, at: h.at })),
  };
}

async function transition(ctx: AppContext, actor: Actor, c: CycleRow, version: number, changes: Partial<CycleRow>, action: string, detail: Record<string, unknown> = {}) {
  if (c.version !== version) throw staleVersion();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateCycleVersioned(trx, c.id, version, changes))) throw staleVersion();
    await audit(trx, ctx.db.dialect, actor, { action, entityType: 'benefit_cycle', entityId: c.id, areaCode: c.area_code, detail });
  });
  return getCycle(ctx, actor, c.id);
}

/** Opens the 7-day public notice once the county has confirmed every line. */
export async function openNotice(ctx: AppContext, actor: Actor, id: string, version: number) {
  const c = await requireCycle(ctx, actor, id);
  if (c.status !== 'review') throw new AppError(409, 'benefits.cycle_state', { status: c.status });
  const counts = await repo.stageCounts(ctx.db.kysely, '', c.id);
  const unconfirmed = counts.filter((r) => r.stage !== 'confirmed' && r.stage !== 'withdrawn').reduce((a, r) => a + Number(r.n), 0);
  if (unconfirmed > 0) throw new AppError(409, 'benefits.not_all_confirmed', { count: unconfirmed });
  const from = ctx.today();
  return transition(ctx, actor, c, version, { status: 'notice', notice_from: from, notice_to: noticeEnd(from) }, 'benefits.notice.open', { from });
}

/** The public page of a notice: masked data only, and only while the notice is up. */
export async function publicNotice(ctx: AppContext, id: string) {
  const c = await repo.findCycle(ctx.db.kysely, '', id);
  if (!c || c.status !== 'notice') throw notFound();
  const rules = await currentRules(ctx);
  const rows = await repo.noticeRows(ctx.db.kysely, c.id);
  return {
    programme: c.programme, title: rules[c.programme as ProgrammeCode].title, year: c.year,
    area: ctx.areas.has(c.area_code) ? ctx.areas.fullName(c.area_code) : c.area_code,
    from: c.notice_from, to: c.notice_to,
    lines: rows.map((r) => publicLine({ name: r.name, idNumber: r.id_number, villageName: ctx.areas.has(r.area_code) ? ctx.areas.name(r.area_code) : r.area_code, amountFen: r.amount_fen, kind: r.kind })),
  };
}

export async function addObjection(ctx: AppContext, actor: Actor, cycleId: string, input: { lineId?: string | null; text: string }) {
  const c = await requireCycle(ctx, actor, cycleId);
  if (c.status !== 'notice') throw new AppError(409, 'benefits.cycle_state', { status: c.status });
  let area = actor.areaCode.length >= c.area_code.length ? actor.areaCode : c.area_code;
  if (input.lineId) {
    const l = await repo.findLine(ctx.db.kysely, actor.areaCode, input.lineId);
    if (!l || l.cycle_id !== c.id) throw notFound();
    area = l.area_code;
  }
  const now = new Date().toISOString();
  const row = { id: uuidv7(), cycle_id: c.id, line_id: input.lineId ?? null, area_code: area, text: input.text, status: 'open' as const, upheld: null, resolution: null, created_by: actor.userId, version: 1, created_at: now, updated_at: now };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertObjection(trx, row);
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.objection.add', entityType: 'benefit_objection', entityId: row.id, areaCode: area });
  });
  return objectionView(row);
}

export function objectionView(o: { id: string; line_id: string | null; area_code: string; text: string; status: string; upheld: number | null; resolution: string | null; version: number; created_at: string }) {
  return { id: o.id, lineId: o.line_id, areaCode: o.area_code, text: o.text, status: o.status, upheld: o.upheld === null ? null : o.upheld === 1, resolution: o.resolution, version: o.version, createdAt: o.created_at };
}

export async function listObjections(ctx: AppContext, actor: Actor, cycleId: string) {
  const c = await requireCycle(ctx, actor, cycleId);
  return { items: (await repo.listObjections(ctx.db.kysely, actor.areaCode, c.id)).map(objectionView) };
}

/** Resolves an objection; an upheld one takes its line off the roster. */
export async function resolveObjection(ctx: AppContext, actor: Actor, id: string, input: { version: number; upheld: boolean; resolution: string }) {
  const db = ctx.db.kysely;
  const o = await repo.findObjection(db, actor.areaCode, id);
  if (!o) throw notFound();
  if (o.version !== input.version || o.status !== 'open') throw staleVersion();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateObjectionVersioned(trx, id, input.version, { status: 'resolved', upheld: input.upheld ? 1 : 0, resolution: input.resolution }))) throw staleVersion();
    if (input.upheld && o.line_id) {
      const l = (await repo.findLine(trx, '', o.line_id))!;
      await repo.updateLineVersioned(trx, l.id, l.version, { stage: 'withdrawn', eligible: 0, reasons: JSON.stringify([...JSON.parse(l.reasons), 'objection.upheld']) });
    }
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.objection.resolve', entityType: 'benefit_objection', entityId: id, areaCode: o.area_code, detail: { upheld: input.upheld } });
  });
  return objectionView((await repo.findObjection(db, actor.areaCode, id))!);
}

const FREEZE_CHUNK = 1000;

/**
 * Freezes the roster after the notice: each line keeps a snapshot of the person's registry facts
 * (later registry edits change nothing). Chunk by chunk, each in a transaction: a freeze killed
 * half-way continues where it stopped when run again.
 */
export async function freezeCycle(ctx: AppContext, actor: Actor, id: string, version: number, progress?: (done: number, total: number) => void) {
  const c = await requireCycle(ctx, actor, id);
  if (c.status !== 'notice') throw new AppError(409, 'benefits.cycle_state', { status: c.status });
  if (c.version !== version) throw staleVersion();
  if (ctx.today() <= c.notice_to!) throw new AppError(409, 'benefits.notice_running', { until: c.notice_to });
  const db = ctx.db.kysely;
  const open = await repo.openObjectionCount(db, c.id);
  if (open > 0) throw new AppError(409, 'benefits.objections_open', { count: open });
  let done = 0;
  for (;;) {
    const lines = await repo.unfrozenLines(db, c.id, FREEZE_CHUNK);
    if (!lines.length) break;
    const persons = new Map((await repo.snapshotRows(db, lines.map((l) => l.person_id))).map((p) => [p.id, p]));
    const facts = new Map<string, Record<string, unknown>>();
    for (const e of await evidenceFactsOf(db, lines.map((l) => l.person_id))) facts.set(e.person_id, { ...(facts.get(e.person_id) ?? {}), ...JSON.parse(e.facts) });
    await db.transaction().execute(async (trx) => {
      for (const l of lines) {
        const p = persons.get(l.person_id);
        const f = facts.get(l.person_id) ?? {};
        const snapshot = p ? {
          name: p.name, idNumber: p.id_number, sex: p.sex, birthDate: p.birth_date, deathDate: p.death_date, hukouType: p.hukou_type,
          hukouAreaCode: p.hukou_area_code, disabilityGrade: p.disability_grade, facts: f, frozenOn: ctx.today(),
        } : { missing: true, frozenOn: ctx.today() };
        await repo.freezeLine(trx, l.id, JSON.stringify(snapshot), typeof f.bank_account === 'string' ? f.bank_account : null);
      }
    });
    done += lines.length;
    progress?.(done, done);
  }
  return transition(ctx, actor, c, version, { status: 'frozen' }, 'benefits.freeze', { lines: done });
}
