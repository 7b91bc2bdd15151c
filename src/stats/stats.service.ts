// Use cases of the statistics: the table of indicators for an area and its children, the births
// breakdown, the age pyramid and the records behind a count (audited, masked).
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { can, type Actor } from '../platform/auth/roles.ts';
import { notFound, validationFailed } from '../platform/http/errors.ts';
import { maskIdNumber } from '../platform/privacy/mask.ts';
import { classifyBirth } from './birth-policy.ts';
import { computeAll, measuresOf, type AreaCounts, type IndicatorValue, type VitalRow } from './compute.ts';
import { indicatorDefinitions, type IndicatorDefinition } from './definitions.ts';
import { addDays, monthsOf, parsePeriod, type Period } from './periods.ts';
import * as repo from './stats.repository.ts';
import { coupleCounts, registeredMigrantCounts } from './service-records.repository.ts';
import { disbursementByArea } from '../benefits/payments.service.ts';
import type { Basis } from './stats.repository.ts';
import type { Sex } from '../platform/db/schema.ts';

export type { Basis };

export interface StatsQuery {
  area: string;
  period: string;
  indicators?: string[];
  basis?: Basis;
  annualise?: boolean;
  /** 'spans' recounts the population from the spans instead of the aggregates (proofs, baselines). */
  source?: 'aggregates' | 'spans';
}

export interface StatsRow { area: string; name: string; values: Record<string, IndicatorValue> }

export interface StatsTable {
  area: { code: string; name: string };
  period: { code: string; from: string; to: string; label: string; labelEn: string; days: number };
  basis: Basis;
  annualised: boolean;
  indicators: { code: string; name: { zh: string; en: string }; unit: string; decimals: number; direction: string; annualisable: boolean }[];
  rows: StatsRow[];
}

export function checkArea(ctx: AppContext, actor: Actor, area: string): void {
  if (!area.startsWith(actor.areaCode) || !ctx.areas.has(area)) throw notFound();
}

export function periodOrFail(code: string, field = 'period'): Period {
  const p = parsePeriod(code);
  if (!p) throw validationFailed([{ field, code: 'field.invalid' }]);
  return p;
}

function chosenDefinitions(codes?: string[]): IndicatorDefinition[] {
  const all = indicatorDefinitions();
  if (!codes?.length) return all;
  const unknown = codes.filter((c) => !all.some((d) => d.code === c));
  if (unknown.length) throw validationFailed([{ field: 'indicators', code: 'field.invalid', params: { unknown: unknown.join(',') } }]);
  return codes.map((c) => all.find((d) => d.code === c)!);
}

/** The area and its children, each with the counts of its subtree and its service-record measures. */
export async function countsByArea(ctx: AppContext, area: string, period: Period, basis: Basis, source: 'aggregates' | 'spans' = 'aggregates') {
  const db = ctx.db.kysely;
  const population = (b: repo.PopulationBasis) =>
    source === 'spans' ? repo.populationFromSpans(db, b, area, period.from, period.to) : repo.populationFromAggregates(db, b, area, period.from, period.to);
  const pop = await population(basis);
  const vital = await (source === 'spans' ? repo.vitalRowsFromEvents : repo.vitalRowsFromAggregates)(db, basis, area, period.from, period.to);
  const migrants = await population('migrant');
  const couples = await coupleCounts(db, area, period.year, period.to);
  const registered = await registeredMigrantCounts(db, area, period.to);
  const paid = await disbursementByArea(ctx, area, period.year);
  const units = [ctx.areas.get(area)!, ...ctx.areas.childrenOf(area)];
  const counts = new Map<string, AreaCounts>(units.map((u) => [u.code, { populationStart: 0, populationEnd: 0, vital: [] as VitalRow[] }]));
  const extras = new Map<string, Record<string, number>>(units.map((u) => [u.code, { migrants: 0, migrants_registered: 0, preconception_target_couples: 0, preconception_couples_checked: 0 }]));
  const childOf = (code: string) => (code.length > area.length ? units.find((u, i) => i > 0 && code.startsWith(u.code)) : undefined);
  const targets = <T>(map: Map<string, T>, code: string) => [map.get(area)!, map.get(childOf(code)?.code ?? '')].filter((x): x is T => !!x);
  for (const p of pop) for (const u of targets(counts, p.area)) { u.populationStart += p.start; u.populationEnd += p.end; }
  for (const v of vital) for (const u of targets(counts, v.area)) u.vital.push(v);
  for (const m of migrants) for (const e of targets(extras, m.area)) e.migrants += m.end;
  for (const r of registered) for (const e of targets(extras, r.area)) e.migrants_registered += r.n;
  for (const c of couples) for (const e of targets(extras, c.area)) { e.preconception_target_couples += c.n; e.preconception_couples_checked += c.m; }
  // Amounts exist only where a roster of the year was frozen (elsewhere the rate has no data);
  // summed in fen, shown in yuan.
  const fen = new Map<Record<string, number>, { due: number; paid: number }>();
  for (const p of paid) for (const e of targets(extras, p.area)) { const f = fen.get(e) ?? { due: 0, paid: 0 }; f.due += p.dueFen; f.paid += p.paidFen; fen.set(e, f); }
  for (const [e, f] of fen) { e.amount_due = f.due / 100; e.amount_paid = f.paid / 100; }
  return { units, counts, extras };
}

export async function statsTable(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<StatsTable> {
  checkArea(ctx, actor, q.area);
  const period = periodOrFail(q.period);
  const defs = chosenDefinitions(q.indicators);
  const basis = q.basis ?? 'hukou';
  const annualise = q.annualise ?? false;
  const { units, counts, extras } = await countsByArea(ctx, q.area, period, basis, q.source);
  const rows = units.map((u) => ({
    area: u.code,
    name: u.name,
    values: computeAll(defs, measuresOf(counts.get(u.code)!, period, extras.get(u.code)), period, annualise),
  }));
  return {
    area: { code: q.area, name: ctx.areas.fullName(q.area) },
    period: { code: period.code, from: period.from, to: period.to, label: period.labelZh, labelEn: period.labelEn, days: period.days },
    basis,
    annualised: annualise,
    indicators: defs.map((d) => ({ code: d.code, name: d.name, unit: d.unit, decimals: d.decimals, direction: d.direction, annualisable: d.annualisable })),
    rows,
  };
}

/** Births by sex, parity and month, deaths by month, for one area and period. */
export async function birthsBreakdown(ctx: AppContext, actor: Actor, q: { area: string; period: string; basis?: Basis }) {
  checkArea(ctx, actor, q.area);
  const period = periodOrFail(q.period);
  const basis = q.basis ?? 'hukou';
  const vital = await repo.vitalRowsFromAggregates(ctx.db.kysely, basis, q.area, period.from, period.to);
  const months = monthsOf(period).map((month) => ({ month, births: 0, birthsMale: 0, birthsFemale: 0, deaths: 0 }));
  const bySex = { M: 0, F: 0 };
  const byParity = { '1': 0, '2': 0, '3+': 0, unknown: 0 };
  for (const v of vital) {
    const m = months.find((x) => x.month === v.date.slice(0, 7))!;
    if (v.kind === 'death') { m.deaths += v.n; continue; }
    m.births += v.n;
    if (v.sex === 'M') m.birthsMale += v.n; else m.birthsFemale += v.n;
    bySex[v.sex] += v.n;
    byParity[v.parity === null || v.parity < 1 ? 'unknown' : v.parity >= 3 ? '3+' : (String(v.parity) as '1' | '2')] += v.n;
  }
  return { area: { code: q.area, name: ctx.areas.fullName(q.area) }, period: { code: period.code, label: period.labelZh }, basis, bySex, byParity, byMonth: months };
}

export const PYRAMID_BANDS = Array.from({ length: 21 }, (_, i) => (i === 20 ? '100+' : `${i * 5}-${i * 5 + 4}`));

export async function pyramid(ctx: AppContext, actor: Actor, q: { area: string; date: string; basis?: Basis }) {
  checkArea(ctx, actor, q.area);
  const basis = q.basis ?? 'hukou';
  const rows = await repo.pyramidRows(ctx.db.kysely, basis, q.area, q.date);
  const bands = PYRAMID_BANDS.map((label) => ({ band: label, male: 0, female: 0 }));
  for (const r of rows) if (r.band >= 0) bands[Math.min(r.band, 20)][r.sex === 'M' ? 'male' : 'female'] += r.n;
  return { area: { code: q.area, name: ctx.areas.fullName(q.area) }, date: q.date, instant: `${q.date} 24:00`, basis, bands };
}

/** The counts a user can open, and what each selects. */
export const DRILL_MEASURES = {
  births: { kind: 'birth' }, births_male: { kind: 'birth', sex: 'M' }, births_female: { kind: 'birth', sex: 'F' },
  births_parity_1: { kind: 'birth', parity: 1 }, births_parity_2: { kind: 'birth', parity: 2 }, births_parity_3plus: { kind: 'birth', parity: 3 },
  births_parity_unknown: { kind: 'birth', parity: 'unknown' },
  births_compliant: { kind: 'birth', policy: 'compliant' }, births_noncompliant: { kind: 'birth', policy: 'noncompliant' },
  deaths: { kind: 'death' }, deaths_male: { kind: 'death', sex: 'M' }, deaths_female: { kind: 'death', sex: 'F' },
} as const satisfies Record<string, repo.VitalFilter>;
/** Population counts that open the persons behind them: at 00:00 of the first day, at 24:00 of the last. */
export const POPULATION_MEASURES = ['population_start', 'population_end'] as const;
export type DrillMeasure = keyof typeof DRILL_MEASURES | (typeof POPULATION_MEASURES)[number];
export const DRILL_MEASURE_CODES = [...(Object.keys(DRILL_MEASURES) as DrillMeasure[]), ...POPULATION_MEASURES] as unknown as [DrillMeasure, ...DrillMeasure[]];

const isPopulationMeasure = (m: DrillMeasure): m is (typeof POPULATION_MEASURES)[number] => (POPULATION_MEASURES as readonly string[]).includes(m);

/** The birth dates of an age band of the pyramid on `date`: age a..b ⇔ born in (date − (b+1) years, date − a years]. */
export function bandBirthDates(date: string, band: number): { bornAfter?: string; bornTo: string } {
  const back = (years: number) => String(Number(date.slice(0, 4)) - years).padStart(4, '0') + date.slice(4);
  const from = band * 5;
  return band >= 20 ? { bornTo: back(100) } : { bornAfter: back(from + 5), bornTo: back(from) };
}

export async function drillThrough(ctx: AppContext, actor: Actor, q: { area: string; period: string; basis?: Basis; measure: DrillMeasure; page: number; pageSize: number; sex?: Sex; band?: number }) {
  checkArea(ctx, actor, q.area);
  const period = periodOrFail(q.period);
  const basis = q.basis ?? 'hukou';
  const db = ctx.db.kysely;
  const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  // Lists are always masked; the person page shows the full record (audited there).
  const areaRef = (code: string) => ({ code, name: ctx.areas.fullName(code, q.area.length >= 6 ? q.area.slice(0, 6) : q.area) });
  const canOpen = can(actor, 'persons.read');
  let total: number;
  let items;
  if (isPopulationMeasure(q.measure)) {
    const start = q.measure === 'population_start';
    const instant = start ? addDays(period.from, -1) : period.to;
    // A part (one sex, one age band of the pyramid) is counted; the whole comes from the aggregates.
    const part: repo.PopulationPart = { sex: q.sex, ...(q.band !== undefined ? bandBirthDates(instant, q.band) : {}) };
    if (q.sex || q.band !== undefined) total = await repo.countPopulationPart(db, basis, q.area, instant, part);
    else total = (await repo.populationFromAggregates(db, basis, q.area, period.from, period.to)).reduce((n, r) => n + (start ? r.start : r.end), 0);
    items = (await repo.populationRecords(db, basis, q.area, instant, page, part)).map((r) => ({
      eventId: null, personId: r.personId, kind: 'population' as const, date: r.birthDate, parity: null, sex: r.sex, name: r.name,
      idNumber: maskIdNumber(r.idNumber), area: areaRef(r.area), policyClass: null, canOpen,
    }));
  } else {
    if (q.sex || q.band !== undefined) throw validationFailed([{ field: q.band !== undefined ? 'band' : 'sex', code: 'field.invalid', params: { only: 'population_start,population_end' } }]);
    const sel: repo.VitalFilter = DRILL_MEASURES[q.measure];
    total = await repo.vitalTotal(db, basis, q.area, period.from, period.to, sel);
    items = (await repo.vitalRecords(db, basis, q.area, period.from, period.to, sel, page)).map((r) => ({
      eventId: r.eventId as string | null, personId: r.personId, kind: r.kind as 'birth' | 'death' | 'population', date: r.date, parity: r.parity, sex: r.sex, name: r.name,
      idNumber: maskIdNumber(r.idNumber), area: areaRef(r.area),
      policyClass: r.kind === 'birth' ? classifyBirth(r.date, r.parity) : null,
      canOpen,
    }));
  }
  await ctx.db.kysely.transaction().execute((trx) =>
    audit(trx, ctx.db.dialect, actor, { action: 'stats.drill', entityType: 'stats', entityId: null, areaCode: q.area, detail: { measure: q.measure, period: period.code, basis, page: q.page, shown: items.length } }),
  );
  return { area: { code: q.area, name: ctx.areas.fullName(q.area) }, period: { code: period.code, label: period.labelZh }, basis, measure: q.measure, page: q.page, pageSize: q.pageSize, total, items };
}
