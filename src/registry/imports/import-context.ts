// What an import batch planner needs, and what it produces.
import type { AppContext } from '../../platform/context.ts';
import type { Chunk } from '../bulk.repository.ts';

export interface PlanContext {
  ctx: AppContext;
  /** Area code every imported record must lie in. */
  scope: string;
  jobId: string | null;
  now: string;
  /** ID numbers seen earlier in the file, with the line where they first appeared. */
  seen: Map<string, number>;
}

export interface PlannedBatch {
  chunk: Chunk;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; reasons: string[] }[];
}

export const inScope = (code: string | null | undefined, scope: string) => !!code && code.startsWith(scope);
