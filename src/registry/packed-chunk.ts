// A chunk's rows packed for the import write thread: each planned batch's list as one JSON text
// of rows in column order. Posting a chunk of 50,000 persons as objects made the structured clone
// copy over a million strings one by one, and the row objects, held until the group was handed
// over, outlived the young generation; packed at once, a batch's objects die young, and the
// thread receives a few strings that JSON.parse reads back natively.
import type { AuditContent } from '../platform/audit/audit-hash.ts';
import { EVENT_COLS, FAMILY_COLS, PERSON_COLS, SPAN_COLS, type Chunk } from './bulk.repository.ts';

export type ListKey = 'families' | 'insertPersons' | 'updatePersons' | 'replaceSpansOf' | 'spans' | 'events' | 'updateEvents';
/** Per list, one JSON array text per packed batch: rows as arrays in column order (`replaceSpansOf`: person ids). */
export type PackedLists = Partial<Record<ListKey, string[]>>;
export interface PackedChunk { packed: PackedLists; audit?: AuditContent }

const COLUMNS: Record<Exclude<ListKey, 'replaceSpansOf'>, readonly string[]> = {
  families: FAMILY_COLS, insertPersons: PERSON_COLS, updatePersons: PERSON_COLS, spans: SPAN_COLS, events: EVENT_COLS, updateEvents: EVENT_COLS,
};
export const LIST_KEYS = Object.keys({ ...COLUMNS, replaceSpansOf: 0 }) as ListKey[];

/**
 * One list as JSON text: undefined becomes null, as the plain writer binds it. The arrays are
 * filled by push, not preallocated: JSON.stringify takes a slower path for holey arrays.
 */
export function packList(key: ListKey, rows: readonly unknown[]): string {
  if (key === 'replaceSpansOf') return JSON.stringify(rows);
  const cols = COLUMNS[key];
  const out: unknown[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    const a: unknown[] = [];
    for (let i = 0; i < cols.length; i++) a.push(row[cols[i]] ?? null);
    out.push(a);
  }
  return JSON.stringify(out);
}

/** Adds the non-empty lists of a chunk to `to`. */
export function packInto(to: PackedLists, chunk: Chunk): void {
  for (const key of LIST_KEYS) {
    const rows = chunk[key] as unknown[] | undefined;
    if (rows?.length) (to[key] ??= []).push(packList(key, rows));
  }
}
