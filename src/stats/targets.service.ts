// Use cases of yearly targets: list, set (create or change, optimistic locking), remove, import
// from .xlsx, and the indicator table against them (lights, gaps, ranks, phrases).
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { nowIso } from '../platform/db/executor.ts';
import { AppError, notFound, staleVersion, validationFailed, type FieldError } from '../platform/http/errors.ts';
import { readTable } from '../registry/imports/read-table.ts';
import { definitionOf, type Direction } from './definitions.ts';
import { indicatorPhrase } from './phrases.ts';
import { checkArea, statsTable, type StatsQuery } from './stats.service.ts';
import { assess, rankAreas, type Assessment } from './targets.ts';
import * as repo from './targets.repository.ts';

export interface TargetInput { areaCode: string; year: number; indicator: string; direction: Direction; value: number; version?: number }

const view = (ctx: AppContext, r: repo.TargetRow) => ({
  id: r.id, areaCode: r.area_code, areaName: ctx.areas.name(r.area_code), year: r.year, indicator: r.indicator,
  indicatorName: definitionOf(r.indicator)?.name ?? null, direction: r.direction, value: r.value, version: r.version,
});

export async function listTargets(ctx: AppContext, actor: Actor, area: string, year: number) {
  checkArea(ctx, actor, area);
  const rows = await repo.targetsUnder(ctx.db.kysely, area, year);
  return { area: { code: area, name: ctx.areas.fullName(area) }, year, items: rows.map((r) => view(ctx, r)) };
}

function checkInput(ctx: AppContext, actor: Actor, t: TargetInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!ctx.areas.has(t.areaCode)) errors.push({ field: 'areaCode', code: 'field.area.unknown' });
  else if (!t.areaCode.startsWith(actor.areaCode)) errors.push({ field: 'areaCode', code: 'field.area.out_of_scope' });
  if (!definitionOf(t.indicator)) errors.push({ field: 'indicator', code: 'field.invalid' });
  if (!Number.isFinite(t.value) || t.value < 0) errors.push({ field: 'value', code: 'field.invalid' });
  if (!Number.isInteger(t.year) || t.year < 1949 || t.year > 2100) errors.push({ field: 'year', code: 'field.invalid' });
  return errors;
}

/** Creates the target of an area, year and indicator, or changes it (the version it changes must match). */
export async function setTarget(ctx: AppContext, actor: Actor, t: TargetInput) {
  if (!t.areaCode.startsWith(actor.areaCode) && ctx.areas.has(t.areaCode)) throw notFound();
  const errors = checkInput(ctx, actor, t);
  if (errors.length) throw validationFailed(errors);
  const id = await ctx.db.kysely.transaction().execute(async (trx) => {
    const existing = await repo.findTarget(trx, t.areaCode, t.year, t.indicator);
    const now = nowIso();
    if (existing) {
      if (t.version === undefined) throw new AppError(409, 'conflict.stale_version', {}, [{ field: 'version', code: 'field.required' }]);
      if (!(await repo.updateTargetVersioned(trx, existing.id, t.version, { direction: t.direction, value: t.value, updated_at: now }))) throw staleVersion();
    } else {
      await repo.insertTarget(trx, { id: uuidv7(), area_code: t.areaCode, year: t.year, indicator: t.indicator, direction: t.direction, value: t.value, version: 1, created_at: now, updated_at: now });
    }
    const row = (await repo.findTarget(trx, t.areaCode, t.year, t.indicator))!;
    await audit(trx, ctx.db.dialect, actor, { action: existing ? 'target.update' : 'target.create', entityType: 'target', entityId: row.id, areaCode: t.areaCode, detail: { year: t.year, indicator: t.indicator, direction: t.direction, value: t.value } });
    return row.id;
  });
  const row = (await repo.findTargetById(ctx.db.kysely, actor.areaCode, id))!;
  return view(ctx, row);
}

export async function deleteTarget(ctx: AppContext, actor: Actor, id: string, version: number) {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findTargetById(trx, actor.areaCode, id);
    if (!row) throw notFound();
    if (!(await repo.deleteTargetVersioned(trx, id, version))) throw staleVersion();
    await audit(trx, ctx.db.dialect, actor, { action: 'target.delete', entityType: 'target', entityId: id, areaCode: row.area_code, detail: { year: row.year, indicator: row.indicator } });
  });
}

const HEADERS = { area: ['地区代码', 'area'], year: ['年度', 'year'], indicator: ['指标代码', 'indicator'], direction: ['方向', 'direction'], value: ['目标值', 'value'] };
const DIRECTION_WORDS: Record<string, Direction> = { higher: 'higher', lower: 'lower', count: 'count', 越高越好: 'higher', 越低越好: 'lower', 任务数: 'count' };

/** Imports targets from a table (地区代码, 年度, 指标代码, 方向, 目标值): valid rows are set, the others reported. */
export async function importTargets(ctx: AppContext, actor: Actor, file: { buffer: Buffer; filename: string }) {
  const table = await readTable({ buffer: file.buffer, filename: file.filename });
  const col = Object.fromEntries(Object.entries(HEADERS).map(([k, names]) => [k, table.headers.findIndex((h) => names.includes(h.trim()))])) as Record<keyof typeof HEADERS, number>;
  const missing = Object.entries(col).filter(([, i]) => i < 0).map(([k]) => HEADERS[k as keyof typeof HEADERS][0]);
  if (missing.length) { await table.close(); throw new AppError(400, 'import.missing_columns', { message: `缺少列：${missing.join('、')}`, columns: missing.join(', ') }); }
  const rejected: { line: number; field: string; code: string }[] = [];
  let set = 0;
  for await (const row of table.rows()) {
    const cell = (k: keyof typeof HEADERS) => (row.cells[col[k]] ?? '').trim();
    const direction = DIRECTION_WORDS[cell('direction')];
    const input: TargetInput = { areaCode: cell('area'), year: Number(cell('year')), indicator: cell('indicator'), direction, value: Number(cell('value')) };
    const errors = checkInput(ctx, actor, input);
    if (!direction) errors.push({ field: 'direction', code: 'field.invalid' });
    if (cell('value') === '') errors.push({ field: 'value', code: 'field.required' });
    if (errors.length) { rejected.push(...errors.map((e) => ({ line: row.line, field: e.field, code: e.code }))); continue; }
    const existing = await repo.findTarget(ctx.db.kysely, input.areaCode, input.year, input.indicator);
    await setTarget(ctx, actor, { ...input, version: existing?.version });
    set++;
  }
  await table.close();
  return { set, rejected };
}

export interface AssessedValue { target: Assessment | null; rank: number | null; phrase: string }

/** The indicator table with each value against its target, ranks among the children, and the summary clause. */
export async function assessedTable(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const table = await statsTable(ctx, actor, q);
  const year = Number(table.period.to.slice(0, 4));
  const targets = await repo.targetsOf(ctx.db.kysely, table.rows.map((r) => r.area), year);
  const children = table.rows.slice(1);
  const rows = table.rows.map((r) => ({ ...r, assessments: {} as Record<string, AssessedValue> }));
  for (const ind of table.indicators) {
    const def = definitionOf(ind.code)!;
    const ranks = rankAreas(children.map((c) => ({ area: c.area, value: c.values[ind.code].value })), def.direction);
    for (const r of rows) {
      const t = targets.find((x) => x.area_code === r.area && x.indicator === ind.code);
      const value = r.values[ind.code].value;
      const a = t ? assess(value, t.value, t.direction, def.unit, def.decimals) : null;
      const phrase = indicatorPhrase({ name: def.name.zh, unit: def.unit, decimals: def.decimals, direction: def.direction, value, target: a });
      r.assessments[ind.code] = { target: a, rank: ranks.get(r.area) ?? null, phrase };
    }
  }
  return { ...table, year, rows };
}
