import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { notFound, validationFailed } from '../../platform/http/errors.ts';
import { countPopulationAt, type Basis } from './population.repository.ts';

export async function populationAt(ctx: AppContext, actor: Actor, area: string, date: string, basis: Basis) {
  if (!area.startsWith(actor.areaCode) || !ctx.areas.has(area)) throw notFound();
  if (date > ctx.today()) throw validationFailed([{ field: 'date', code: 'field.date.future' }]);
  const counts = await countPopulationAt(ctx.db.kysely, area, date, basis);
  return { area: { code: area, name: ctx.areas.fullName(area) }, date, basis, instant: `${date} 24:00`, ...counts };
}
