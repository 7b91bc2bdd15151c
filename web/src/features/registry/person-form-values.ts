// Between the person form's values and the API bodies of POST/PATCH /persons.
import { fromDateString, toDateString } from '../../app/format';
import { readIdNumber } from './id-number-check';
import type { PersonFormValues } from './PersonForm';
import type { Person, PersonInput } from './types';

const blank = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? undefined : v.trim());

/** The 18-character form of a typed number (15-digit numbers are upgraded). */
function normaliseIdNumber(v: string | undefined): string | undefined {
  const s = blank(v);
  if (!s) return undefined;
  const r = readIdNumber(s);
  return r?.ok ? r.info.idNumber : s.toUpperCase();
}

export function valuesFromPerson(p: Person): PersonFormValues {
  return {
    idNumber: p.idNumber && !p.idNumber.includes('*') ? p.idNumber : undefined,
    name: p.name,
    sex: p.sex,
    birthDate: fromDateString(p.birthDate),
    ethnicity: p.ethnicity ?? undefined,
    hukouType: p.hukouType ?? undefined,
    maritalStatus: p.maritalStatus ?? undefined,
    phone: p.phone ?? undefined,
    disabilityGrade: p.disabilityGrade ?? undefined,
    motherId: p.mother?.id,
    fatherId: p.father?.id,
  };
}

export function createBody(v: PersonFormValues): PersonInput {
  const body: PersonInput = {
    idNumber: normaliseIdNumber(v.idNumber),
    name: v.name!.trim(),
    sex: v.sex!,
    birthDate: toDateString(v.birthDate)!,
    ethnicity: v.ethnicity,
    hukouType: v.hukouType,
    maritalStatus: v.maritalStatus,
    phone: blank(v.phone),
    disabilityGrade: v.disabilityGrade,
    hukouAreaCode: v.hukouAreaCode,
    residenceAreaCode: v.residenceAreaCode,
    motherId: v.motherId,
    fatherId: v.fatherId,
    spouseId: v.spouseId,
  };
  return Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined)) as PersonInput;
}

type Patch = { version: number } & Record<string, string | null | number>;

/** Only what changed; a cleared optional field is sent as null. */
export function patchBody(p: Person, v: PersonFormValues): Patch {
  const before = valuesFromPerson(p);
  const now: Record<string, string | undefined> = {
    idNumber: p.idNumber?.includes('*') ? undefined : normaliseIdNumber(v.idNumber),
    name: v.name?.trim(),
    sex: v.sex,
    birthDate: toDateString(v.birthDate),
    ethnicity: v.ethnicity,
    hukouType: v.hukouType,
    maritalStatus: v.maritalStatus,
    phone: p.phone?.includes('*') ? before.phone : blank(v.phone),
    motherId: v.motherId,
    fatherId: v.fatherId,
  };
  const { disabilityGrade: _grade, ...beforeText } = before;
  const old: Record<string, string | undefined> = { ...beforeText, birthDate: p.birthDate } as Record<string, string | undefined>;
  const body: Patch = { version: p.version };
  for (const [k, x] of Object.entries(now)) {
    if ((x ?? null) !== (old[k] ?? null)) body[k] = x ?? null;
  }
  if ((v.disabilityGrade ?? null) !== (p.disabilityGrade ?? null)) body.disabilityGrade = v.disabilityGrade ?? null;
  return body;
}
