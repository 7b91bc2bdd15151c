// Shapes of the registry API (docs/api.md: Areas, Persons, Population events).
import type { EventKindCode, HukouTypeCode, PersonStatusCode, SexCode } from '../../app/labels';

export interface AreaRef {
  code: string;
  name: string;
}

export interface AreaNode extends AreaRef {
  level: number;
  hasChildren: boolean;
}

export interface AreaDetail extends AreaRef {
  level: number;
  parentCode: string | null;
  /** From the user's root area down to this one. */
  path: (AreaRef & { level: number })[];
}

export interface AreaMatch extends AreaRef {
  level: number;
  fullName: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalIsLowerBound: boolean;
}

export interface PersonListItem {
  id: string;
  idNumber: string | null;
  name: string;
  sex: SexCode;
  birthDate: string;
  age: number;
  status: PersonStatusCode;
  isMigrant: boolean;
  hukouType: HukouTypeCode | null;
  hukouArea: AreaRef;
  residenceArea: AreaRef;
  version: number;
}

export interface PersonRef {
  id: string;
  name: string;
  sex: SexCode;
  birthDate: string;
  idNumber: string | null;
  status: PersonStatusCode;
}

export interface Span {
  startDate: string;
  endDate: string | null;
  hukouArea: AreaRef | null;
  residenceArea: AreaRef | null;
}

export interface PopulationEvent {
  id: string;
  kind: EventKindCode;
  personId: string;
  date: string;
  area: AreaRef;
  fromArea: AreaRef | null;
  spouse: PersonRef | null;
  parity: number | null;
  note: string | null;
  version: number;
  createdAt: string;
}

export interface Person {
  id: string;
  /** Full only for roles with persons.readFull (an audited read); masked otherwise. */
  idNumber: string | null;
  /** True when idNumber (and phone) came back masked. */
  idNumberMasked: boolean;
  name: string;
  sex: SexCode;
  birthDate: string;
  age: number;
  ethnicity: string | null;
  hukouType: HukouTypeCode | null;
  maritalStatus: string | null;
  phone: string | null;
  /** 残疾等级 1 (most severe) – 4; null when none. */
  disabilityGrade: number | null;
  hukouArea: AreaRef;
  residenceArea: AreaRef;
  deathDate: string | null;
  status: PersonStatusCode;
  isMigrant: boolean;
  synthetic: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  family: { id: string; householdNumber: string; members: PersonRef[] } | null;
  spouse: PersonRef | null;
  mother: PersonRef | null;
  father: PersonRef | null;
  children: (PersonRef & { parity: number | null })[];
  spans: Span[];
  events: PopulationEvent[];
}

export interface IdNumberLookup {
  valid: boolean;
  problem?: string;
  idNumber: string;
  birthDate: string;
  sex: SexCode;
  addressCode: string;
  addressKnown: boolean;
  addressName: string | null;
}

export interface PersonFilters {
  q?: string;
  area?: string;
  sex?: SexCode;
  ageMin?: number;
  ageMax?: number;
  status?: PersonStatusCode;
  migrant?: 'true' | 'false';
  /** Without q: list by hukou (default) or by residence area. */
  basis?: 'hukou' | 'residence';
  page: number;
}

export interface PersonInput {
  idNumber?: string;
  name: string;
  sex: SexCode;
  birthDate: string;
  ethnicity?: string;
  hukouType?: HukouTypeCode;
  maritalStatus?: string;
  phone?: string;
  disabilityGrade?: number;
  hukouAreaCode?: string;
  residenceAreaCode?: string;
  motherId?: string;
  fatherId?: string;
  spouseId?: string;
}

export interface EventInput {
  kind: Exclude<EventKindCode, 'birth'>;
  date: string;
  areaCode: string;
  fromAreaCode?: string;
  spouseId?: string;
  note?: string;
}

export interface BirthInput {
  name: string;
  sex: SexCode;
  date: string;
  areaCode: string;
  motherId: string;
  fatherId?: string;
  idNumber?: string;
  hukouType?: HukouTypeCode;
}
