// Capped totals of person searches, remembered briefly per database: paging through a result
// list, or opening it again, counts once. A write through the registry services forgets them
// all at once; writes from elsewhere (an import job, another process) show within COUNT_TTL_MS.
import type { Db } from '../../platform/db/database.ts';

export const COUNT_TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

interface Entry { total: Promise<number>; until: number }

const caches = new WeakMap<Db, Map<string, Entry>>();

function entriesOf(db: Db): Map<string, Entry> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  return entries;
}

/** The total under `key` (which must name the scope and every filter), counted when missing or old. */
export async function cachedCount(db: Db, key: string, count: () => Promise<number>, now = Date.now()): Promise<number> {
  const entries = entriesOf(db);
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.total;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  // The promise is kept, so that the same search arriving meanwhile waits for this count.
  const entry = { total: count(), until: now + COUNT_TTL_MS };
  entries.set(key, entry);
  entry.total.catch(() => { if (entries.get(key) === entry) entries.delete(key); });
  return entry.total;
}

/** Called after every committed change to persons: totals are counted afresh. */
export function forgetCounts(db: Db): void {
  // Counts still running were started before the change: they go too.
  caches.get(db)?.clear();
}
