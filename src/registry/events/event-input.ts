import { z } from 'zod';
import { isoDate } from '../date-schema.ts';

const date = isoDate;
const areaCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/);

export const eventCreateSchema = z.object({
  kind: z.enum(['death', 'move_in', 'move_out', 'marriage', 'divorce', 'residence_change']),
  date,
  areaCode,
  fromAreaCode: areaCode.nullish(),
  spouseId: z.string().uuid().nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type EventCreateInput = z.infer<typeof eventCreateSchema>;

export const birthSchema = z.object({
  name: z.string().trim().min(1).max(50),
  sex: z.enum(['M', 'F']),
  date,
  areaCode,
  motherId: z.string().uuid(),
  fatherId: z.string().uuid().nullish(),
  idNumber: z.string().trim().max(18).nullish().transform((v) => v || null),
  hukouType: z.enum(['rural', 'urban']).nullish(),
  ethnicity: z.string().regex(/^\d{2}$/).nullish(),
});
export type BirthInput = Omit<z.infer<typeof birthSchema>, 'idNumber'> & { idNumber?: string | null };

export const eventUpdateSchema = z.object({
  version: z.number().int().positive(),
  date: date.optional(),
  areaCode: areaCode.optional(),
  fromAreaCode: areaCode.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type EventUpdateInput = z.infer<typeof eventUpdateSchema>;
