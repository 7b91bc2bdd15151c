// Shapes of person input (checked by the HTTP layer) and the domain checks behind them.
import { z } from 'zod';
import { isoDate } from '../date-schema.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { AreaDirectory } from '../areas/area-directory.ts';
import { parseIdNumber } from '../id-number.ts';

const date = isoDate;
const areaCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

export const personCreateSchema = z.object({
  idNumber: z.string().trim().max(18).nullish().transform((v) => v || null),
  name: z.string().trim().min(1).max(50),
  sex: z.enum(['M', 'F']),
  birthDate: date,
  ethnicity: z.string().regex(/^\d{2}$/).nullish(),
  hukouType: z.enum(['rural', 'urban']).nullish(),
  maritalStatus: z.string().regex(/^\d{2}$/).nullish(),
  phone: optionalText(20).refine((v) => v === null || /^[\d-]{7,20}$/.test(v)),
  disabilityGrade: z.number().int().min(1).max(4).nullish(),
  hukouAreaCode: areaCode,
  residenceAreaCode: areaCode.nullish(),
  motherId: z.string().uuid().nullish(),
  fatherId: z.string().uuid().nullish(),
  spouseId: z.string().uuid().nullish(),
});
export type PersonCreateInput = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = personCreateSchema
  .omit({ hukouAreaCode: true, residenceAreaCode: true, spouseId: true })
  .partial()
  .extend({ version: z.number().int().positive() });
export type PersonUpdateInput = z.infer<typeof personUpdateSchema>;

/** ID number, birth date and sex must agree; dates must be real and not in the future. */
export function checkIdentity(
  input: { idNumber?: string | null; birthDate?: string; sex?: 'M' | 'F' },
  today: string,
): { errors: FieldError[]; idNumber: string | null } {
  const errors: FieldError[] = [];
  if (input.birthDate && input.birthDate > today) errors.push({ field: 'birthDate', code: 'field.date.future' });
  if (!input.idNumber) return { errors, idNumber: null };
  const r = parseIdNumber(input.idNumber, today);
  if (!r.ok) {
    errors.push({ field: 'idNumber', code: `field.id_number.${r.problem}` });
    return { errors, idNumber: null };
  }
  if (input.birthDate && r.info.birthDate !== input.birthDate) {
    errors.push({ field: 'birthDate', code: 'field.id_number.birth_mismatch', params: { expected: r.info.birthDate } });
  }
  if (input.sex && r.info.sex !== input.sex) errors.push({ field: 'sex', code: 'field.id_number.sex_mismatch' });
  return { errors, idNumber: r.info.idNumber };
}

export function checkArea(areas: AreaDirectory, field: string, code: string | null | undefined, scope: string | null): FieldError[] {
  if (!code) return [];
  if (!areas.has(code)) return [{ field, code: 'field.area.unknown' }];
  if (scope !== null && !code.startsWith(scope)) return [{ field, code: 'field.area.out_of_scope' }];
  return [];
}
