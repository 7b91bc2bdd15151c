// What an import batch planner needs, and what it produces.
import type { AppContext } from '../../platform/context.ts';
import type { Chunk } from '../bulk.repository.ts';

/**
 * Planned writes not yet committed: persons imports commit many batches at a time, so a batch
 * may be planned while earlier ones are still in memory. The planner sees them through this,
 * and gets exactly the result it would get had they been committed one by one.
 */
export interface PendingWrites {
  /** ID number → id of persons inserted by pending batches (to link relatives). */
  ids: { has(idNumber: string): boolean; get(idNumber: string): string | undefined; set(idNumber: string, id: string): void };
  /** Keys of the rows without an ID number in pending batches (see unnumberedKey). */
  unnumbered: { has(key: string): boolean; add(key: string): void };
  /** Commits the pending batches now (when a row must see them in the database). */
  flush(): Promise<void>;
}

export interface PlanContext {
  ctx: AppContext;
  /** Area code every imported record must lie in. */
  scope: string;
  jobId: string | null;
  now: string;
  /** ID numbers seen earlier in the file, with the line where they first appeared. */
  seen: Map<string, number>;
  /** Absent when each batch is committed before the next is planned (events, dry runs). */
  pending?: PendingWrites;
  /** Relatives named by ID number whom no earlier row or record knew: linked at the end. */
  later?: LaterRelative[];
}

export interface LaterRelative { personId: string; column: 'mother_id' | 'father_id' | 'spouse_id'; idNumber: string }

export interface PlannedBatch {
  chunk: Chunk;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; reasons: string[] }[];
}

export const inScope = (code: string | null | undefined, scope: string) => !!code && code.startsWith(scope);

/** How a person without an ID number is recognised: name, birth date and hukou area. */
export const unnumberedKey = (name: string, birthDate: string, hukouAreaCode: string) => `${name}\u0000${birthDate}\u0000${hukouAreaCode}`;
