// Jobs and import results (docs/api.md: Imports and jobs).
export type ImportKind = 'persons' | 'events';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportResult {
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedRows: { line: number; reasons: string[] }[];
  unknownColumns: string[];
}

export interface ImportParams {
  kind?: ImportKind;
  dryRun?: boolean;
  fileName?: string;
  filename?: string;
}

export interface Job<R = ImportResult, P = ImportParams> {
  id: string;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  params: P | null;
  result: R | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export const isFinished = (j: Pick<Job, 'status'>) => j.status === 'succeeded' || j.status === 'failed';
