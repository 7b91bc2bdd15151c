// Which events fit a person's state: pure checks, one reason each.
import type { EventKind, PersonRow } from '../../platform/db/schema.ts';
import type { FieldError } from '../../platform/http/errors.ts';

export function checkEventFits(kind: EventKind, date: string, person: PersonRow, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (date > today) errors.push({ field: 'date', code: 'field.date.future' });
  if (date < person.birth_date) errors.push({ field: 'date', code: 'field.date.before_birth' });
  const dead = person.status === 'dead' && person.death_date !== null && person.death_date <= date;
  if (dead) errors.push({ field: 'kind', code: 'field.event.not_applicable' });
  if (kind === 'move_out' && person.status !== 'alive') errors.push({ field: 'kind', code: 'field.event.not_applicable' });
  if (kind === 'death' && person.status === 'dead') errors.push({ field: 'kind', code: 'field.event.not_applicable' });
  return errors;
}

/** Marital status after an event (GB/T 2261.2): first marriage 21, remarriage 22, divorced 30. */
export function maritalAfter(kind: 'marriage' | 'divorce', current: string | null): string {
  if (kind === 'divorce') return '30';
  return current === '30' || current === '40' || current === '22' ? '22' : '21';
}
