// Eligible lines of the year's rosters in the scope, with the person's registry state now.
import type { Executor } from '../platform/db/executor.ts';
import { areaRange } from '../platform/db/area-range.ts';

export async function rosterRows(db: Executor, scope: string, year: number) {
  const { lo, hi } = areaRange(scope);
  return db.selectFrom('benefit_lines as l')
    .innerJoin('benefit_cycles as c', 'c.id', 'l.cycle_id')
    .leftJoin('persons as p', 'p.id', 'l.person_id')
    .select(['l.id as line_id', 'l.cycle_id', 'l.person_id', 'l.area_code', 'l.reasons', 'c.programme', 'c.area_code as cycle_area',
      'p.name', 'p.status', 'p.status as person_status', 'p.death_date', 'p.hukou_area_code'])
    .where('c.year', '=', year).where('l.eligible', '=', 1).where('l.kind', '!=', 'leaving').where('l.stage', '!=', 'withdrawn')
    .where('l.area_code', '>=', lo).where('l.area_code', '<', hi)
    .orderBy('l.area_code').orderBy('l.id').execute();
}
