// Consistency of the rosters with the registry (DESIGN: digital roster and paper archive in
// agreement): beneficiaries who died or moved away but are still on a current roster, people on
// two programmes that exclude each other, and the share of complete paper files.
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { checklistOf, fileComplete } from './evidence.ts';
import { evidenceOf } from './evidence.repository.ts';
import { currentRules } from './rules.service.ts';
import type { ProgrammeCode } from './rules.ts';
import { rosterRows } from './consistency.repository.ts';

export async function consistency(ctx: AppContext, actor: Actor, year: number) {
  const db = ctx.db.kysely;
  const rules = await currentRules(ctx);
  const rows = await rosterRows(db, actor.areaCode, year);
  const stale = rows.filter((r) => r.status === 'dead' || r.person_status === null || !r.hukou_area_code?.startsWith(r.cycle_area))
    .map((r) => ({
      lineId: r.line_id, cycleId: r.cycle_id, programme: r.programme, personId: r.person_id, name: r.name, areaCode: r.area_code,
      problem: r.person_status === null ? 'person.not_found' : r.status === 'dead' ? 'person.died' : 'person.moved_away', deathDate: r.death_date,
    }));
  const byPerson = new Map<string, typeof rows>();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  const exclusive: { personId: string; name: string | null; programmes: string[] }[] = [];
  for (const [personId, list] of byPerson) {
    const progs = [...new Set(list.map((r) => r.programme))];
    const clash = progs.filter((a) => progs.some((b) => rules[a as ProgrammeCode].excludes.includes(b as ProgrammeCode)));
    if (clash.length) exclusive.push({ personId, name: list[0].name, programmes: clash.sort() });
  }
  const evidence = new Map<string, Map<string, { document_no: string | null; paper_filed: number }>>();
  for (const e of await evidenceOf(db, '', [...byPerson.keys()])) {
    const m = evidence.get(e.person_id) ?? new Map();
    m.set(e.item, e);
    evidence.set(e.person_id, m);
  }
  let complete = 0;
  const incomplete: { lineId: string; name: string | null; missing: string[] }[] = [];
  for (const r of rows) {
    const c = checklistOf(rules[r.programme as ProgrammeCode].checklist, JSON.parse(r.reasons), evidence.get(r.person_id) ?? new Map());
    if (fileComplete(c)) complete++;
    else if (incomplete.length < 500) incomplete.push({ lineId: r.line_id, name: r.name, missing: c.filter((x) => !x.paperFiled).map((x) => x.item) });
  }
  return {
    year, lines: rows.length, stillOnRoster: stale, exclusive,
    archive: { complete, total: rows.length, share: rows.length ? Math.round((complete / rows.length) * 10_000) / 100 : null, incomplete },
  };
}
