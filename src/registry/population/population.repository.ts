// Population at an instant, counted from the dated spans: exact for any past date.
import type { Executor } from '../../platform/db/executor.ts';
import { areaRange } from '../../platform/db/area-range.ts';

export type Basis = 'hukou' | 'residence';

/** Persons registered (hukou) or living (residence) in the area at 24:00 of `date`. */
export async function countPopulationAt(db: Executor, area: string, date: string, basis: Basis): Promise<{ total: number; male: number; female: number }> {
  const { lo, hi } = areaRange(area);
  const col = basis === 'hukou' ? 'person_spans.hukou_area_code' : 'person_spans.residence_area_code';
  const rows = await db.selectFrom('person_spans')
    .innerJoin('persons', 'persons.id', 'person_spans.person_id')
    .select(['persons.sex', (eb) => eb.fn.countAll<number>().as('n')])
    .where(col, '>=', lo).where(col, '<', hi)
    .where('person_spans.start_date', '<=', date)
    .where((eb) => eb.or([eb('person_spans.end_date', 'is', null), eb('person_spans.end_date', '>', date)]))
    .groupBy('persons.sex')
    .execute();
  const male = Number(rows.find((r) => r.sex === 'M')?.n ?? 0);
  const female = Number(rows.find((r) => r.sex === 'F')?.n ?? 0);
  return { total: male + female, male, female };
}
