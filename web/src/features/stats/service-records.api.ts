import { api, request } from '../../app/api';

export type RecordKind = 'couples' | 'migrants' | 'assisted';
export interface RecordRow { id: string; version: number; areaCode: string; areaName: string; [k: string]: unknown }

export const listRecords = (kind: RecordKind, area: string, year: number) => api.get<{ items: RecordRow[] }>(`/service-records/${kind}`, { area, year });
export const addRecord = (kind: RecordKind, body: Record<string, unknown>) => api.post<{ id: string }>(`/service-records/${kind}`, body);
export const recordCheck = (id: string, body: { version: number; checkedOn: string | null; checkPlace?: string | null }) => request('PATCH', `/service-records/couples/${id}`, { body });
export const removeRecord = (kind: RecordKind, r: RecordRow) => api.del(`/service-records/${kind}/${r.id}`, { version: r.version });
export const importRecords = (kind: RecordKind, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ added: number; rejected: { line: number; field: string; code: string }[] }>(`/service-records/${kind}/import`, form);
};
