// What the person page hands to 登记人口变动 through router state, so that the form does not
// read the full record again (each full read is audited). ID numbers travel masked only.
import { maskIdNumber } from '@domain/platform/privacy/mask';
import type { Candidate } from './PersonSelect';
import type { Person, PersonRef } from './types';

export interface EventFormState {
  subject: Candidate;
  spouse: Candidate | null;
}

const masked = <T extends { idNumber: string | null }>(p: T): T => ({ ...p, idNumber: maskIdNumber(p.idNumber) });

export function eventFormState(p: Person): EventFormState {
  const subject: Candidate = {
    id: p.id,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    idNumber: p.idNumber,
    hukouArea: p.hukouArea,
    residenceArea: p.residenceArea,
    status: p.status,
  };
  return { subject: masked(subject), spouse: p.spouse ? masked<PersonRef>(p.spouse) : null };
}
