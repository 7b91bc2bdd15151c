// All SQL of yearly targets.
import type { Insertable } from 'kysely';
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';
import type { StatsTargetsTable } from '../platform/db/schema.ts';

export type TargetRow = StatsTargetsTable;

/** The targets of an area and the areas directly below it (children), for one year. */
export async function targetsOf(db: Executor, areas: string[], year: number): Promise<TargetRow[]> {
  if (!areas.length) return [];
  return db.selectFrom('stats_targets').selectAll().where('area_code', 'in', areas).where('year', '=', year).orderBy('area_code').orderBy('indicator').execute();
}

export async function targetsUnder(db: Executor, area: string, year: number): Promise<TargetRow[]> {
  const { lo, hi } = areaRange(area);
  return db.selectFrom('stats_targets').selectAll().where('area_code', '>=', lo).where('area_code', '<', hi).where('year', '=', year)
    .orderBy('area_code').orderBy('indicator').execute();
}

export async function findTarget(db: Executor, area: string, year: number, indicator: string): Promise<TargetRow | undefined> {
  return db.selectFrom('stats_targets').selectAll().where('area_code', '=', area).where('year', '=', year).where('indicator', '=', indicator).executeTakeFirst();
}

export async function findTargetById(db: Executor, scope: string, id: string): Promise<TargetRow | undefined> {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('stats_targets').selectAll().where('id', '=', id).where('area_code', '>=', lo).where('area_code', '<', hi).executeTakeFirst();
}

export async function insertTarget(db: Executor, row: Insertable<StatsTargetsTable>): Promise<void> {
  await db.insertInto('stats_targets').values(row).execute();
}

export async function updateTargetVersioned(db: Executor, id: string, version: number, changes: { direction: TargetRow['direction']; value: number; updated_at: string }): Promise<boolean> {
  const r = await db.updateTable('stats_targets').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteTargetVersioned(db: Executor, id: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom('stats_targets').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
