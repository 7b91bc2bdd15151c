// Recomputes what events decide about a person: spans, status, current areas, migrant flag.
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { NewSpan, PersonRow } from '../../platform/db/schema.ts';
import { eventsOfPerson } from '../events/events.repository.ts';
import { deriveState, type DerivedState } from '../spans.ts';
import { replaceSpans, updatePersonDerived } from './persons.repository.ts';

export function spanRows(personId: string, state: DerivedState): NewSpan[] {
  return state.spans.map((s) => ({
    person_id: personId,
    start_date: s.startDate,
    end_date: s.endDate,
    hukou_area_code: s.hukouAreaCode,
    residence_area_code: s.residenceAreaCode,
  }));
}

export async function refreshDerived(trx: Executor, ctx: AppContext, person: PersonRow): Promise<DerivedState> {
  const events = await eventsOfPerson(trx, person.id);
  const state = deriveState({
    birthDate: person.birth_date,
    hukouAreaCode: person.hukou_area_code,
    residenceAreaCode: person.residence_area_code,
    events: events.map((e) => ({ kind: e.kind, date: e.date, areaCode: e.area_code, fromAreaCode: e.from_area_code })),
    isLocalArea: (c) => ctx.areas.has(c),
  });
  await replaceSpans(trx, person.id, spanRows(person.id, state));
  await updatePersonDerived(trx, person.id, {
    status: state.status,
    death_date: state.deathDate,
    hukou_area_code: state.hukouAreaCode,
    residence_area_code: state.residenceAreaCode,
    is_migrant: state.isMigrant ? 1 : 0,
    updated_at: new Date().toISOString(),
  });
  return state;
}
