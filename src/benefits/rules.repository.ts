// All SQL of rule overrides.
import type { Executor } from '../platform/db/executor.ts';
import type { BenefitRuleOverridesTable } from '../platform/db/schema.ts';
import type { Selectable } from 'kysely';

export type OverrideRow = Selectable<BenefitRuleOverridesTable>;

export async function allOverrides(db: Executor): Promise<OverrideRow[]> {
  return db.selectFrom('benefit_rule_overrides').selectAll().orderBy('programme').orderBy('parameter').orderBy('jurisdiction').execute();
}

export async function findOverride(db: Executor, programme: string, parameter: string, jurisdiction: string): Promise<OverrideRow | undefined> {
  return db.selectFrom('benefit_rule_overrides').selectAll().where('programme', '=', programme).where('parameter', '=', parameter).where('jurisdiction', '=', jurisdiction).executeTakeFirst();
}

export async function insertOverride(db: Executor, row: OverrideRow): Promise<void> {
  await db.insertInto('benefit_rule_overrides').values(row).execute();
}

export async function updateOverrideVersioned(db: Executor, id: string, version: number, series: string, by: string | null): Promise<boolean> {
  const r = await db.updateTable('benefit_rule_overrides').set({ series, updated_by: by, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
