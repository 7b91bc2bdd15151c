import { api } from '../../app/api';
import type {
  BirthInput,
  EventInput,
  IdNumberLookup,
  Page,
  Person,
  PersonFilters,
  PersonInput,
  PersonListItem,
  PopulationEvent,
} from './types';

export const PAGE_SIZE = 20;

export const listPersons = (f: PersonFilters, signal?: AbortSignal, pageSize = PAGE_SIZE) =>
  api.get<Page<PersonListItem>>('/persons', { ...f, pageSize }, signal);

export const getPerson = (id: string) => api.get<Person>(`/persons/${encodeURIComponent(id)}`);

export const createPerson = (body: PersonInput) => api.post<Person>('/persons', body);

export const updatePerson = (id: string, body: Partial<PersonInput> & { version: number }) =>
  api.patch<Person>(`/persons/${encodeURIComponent(id)}`, body);

export const lookupIdNumber = (idNumber: string) => api.get<IdNumberLookup>(`/id-numbers/${encodeURIComponent(idNumber)}`);

export const addEvent = (personId: string, body: EventInput) =>
  api.post<PopulationEvent>(`/persons/${encodeURIComponent(personId)}/events`, body);

export const registerBirth = (body: BirthInput) => api.post<{ person: Person; event: PopulationEvent }>('/births', body);

export const deleteEvent = (ev: { id: string; version: number }) =>
  api.del(`/events/${encodeURIComponent(ev.id)}`, { version: ev.version });
