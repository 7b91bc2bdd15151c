// All SQL of the editable sections of the work summary.
import type { Executor } from '../platform/db/executor.ts';
import type { StatsSummaryTemplatesTable } from '../platform/db/schema.ts';

export type TemplateRow = StatsSummaryTemplatesTable;

/** The templates of the area and of its ancestors (the nearest wins). */
export async function templatesFor(db: Executor, codes: string[]): Promise<TemplateRow[]> {
  return db.selectFrom('stats_summary_templates').selectAll().where('area_code', 'in', codes).execute();
}

export async function findTemplate(db: Executor, area: string, section: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('stats_summary_templates').selectAll().where('area_code', '=', area).where('section', '=', section).executeTakeFirst();
}

export async function insertTemplate(db: Executor, row: TemplateRow): Promise<void> {
  await db.insertInto('stats_summary_templates').values(row).execute();
}

export async function updateTemplateVersioned(db: Executor, id: string, version: number, body: string, now: string): Promise<boolean> {
  const r = await db.updateTable('stats_summary_templates').set({ body, version: version + 1, updated_at: now }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
