import { api, apiUrl } from '../../app/api';
import type { ImportKind, Job } from './types';

export const templateUrl = (kind: ImportKind) => apiUrl(`/imports/templates/${kind}.xlsx`);

export const reportUrl = (jobId: string) => apiUrl(`/imports/${encodeURIComponent(jobId)}/report.xlsx`);

export function startImport(file: File, kind: ImportKind, dryRun: boolean): Promise<Job> {
  const form = new FormData();
  // Text fields first: a streaming multipart parser sees them before the file.
  form.append('kind', kind);
  form.append('dryRun', String(dryRun));
  form.append('file', file, file.name);
  return api.upload<Job>('/imports', form);
}

export const getJob = (id: string, signal?: AbortSignal) => api.get<Job>(`/jobs/${encodeURIComponent(id)}`, undefined, signal);

export const listImportJobs = async () => (await api.get<{ items: Job[] }>('/jobs', { kind: 'import' })).items;
