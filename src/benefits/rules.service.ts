// The rules in force: the version-controlled files with the offices' overrides for their own
// jurisdictions on top (a whole dated series per programme, parameter and jurisdiction).
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { notFound, staleVersion, validationFailed } from '../platform/http/errors.ts';
import type { Series } from './params.ts';
import { ruleFiles } from './rules-loader.ts';
import * as repo from './rules.repository.ts';
import { withOverrides, type ProgrammeCode, type RuleSet } from './rules.ts';

export async function currentRules(ctx: AppContext): Promise<RuleSet> {
  const rows = await repo.allOverrides(ctx.db.kysely);
  return withOverrides(ruleFiles(), rows.map((r) => ({ programme: r.programme as ProgrammeCode, parameter: r.parameter, jurisdiction: r.jurisdiction, series: JSON.parse(r.series) as Series })));
}

const view = (r: repo.OverrideRow) => ({ programme: r.programme, parameter: r.parameter, jurisdiction: r.jurisdiction, series: JSON.parse(r.series), version: r.version, updatedAt: r.updated_at });

export async function listOverrides(ctx: AppContext) {
  return { items: (await repo.allOverrides(ctx.db.kysely)).map(view) };
}

export interface OverrideInput {
  programme: ProgrammeCode;
  parameter: string;
  jurisdiction: string;
  series: { from: string; value: number | null; reference: string }[];
  version?: number;
}

/** Sets a jurisdiction's series of a parameter; an office sets only its own area (or below). */
export async function putOverride(ctx: AppContext, actor: Actor, input: OverrideInput) {
  const j = input.jurisdiction;
  if (j === 'CN' ? actor.areaCode !== '' : !j.startsWith(actor.areaCode) || !ctx.areas.has(j)) throw notFound();
  if (!ruleFiles()[input.programme].parameters[input.parameter]) throw validationFailed([{ field: 'parameter', code: 'field.invalid' }]);
  const froms = input.series.map((s) => s.from);
  if (new Set(froms).size !== froms.length) throw validationFailed([{ field: 'series', code: 'field.invalid' }]);
  const db = ctx.db.kysely;
  const series = JSON.stringify([...input.series].sort((a, b) => (a.from < b.from ? -1 : 1)));
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const existing = await repo.findOverride(trx, input.programme, input.parameter, j);
    if (existing) {
      if (input.version !== existing.version || !(await repo.updateOverrideVersioned(trx, existing.id, existing.version, series, actor.userId))) throw staleVersion();
    } else {
      if (input.version !== undefined) throw staleVersion();
      await repo.insertOverride(trx, { id: uuidv7(), programme: input.programme, parameter: input.parameter, jurisdiction: j, series, updated_by: actor.userId, version: 1, created_at: now, updated_at: now });
    }
    await audit(trx, ctx.db.dialect, actor, { action: 'benefits.rules.override', entityType: 'benefit_rule', entityId: null, areaCode: j === 'CN' ? '' : j, detail: { programme: input.programme, parameter: input.parameter, jurisdiction: j, series: JSON.parse(series) } });
  });
  return view((await repo.findOverride(db, input.programme, input.parameter, j))!);
}
