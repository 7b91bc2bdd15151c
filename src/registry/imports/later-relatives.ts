// A row may name a mother, father or spouse whose own row comes later in the file. Once every
// row is written those links are made, so that importing the same file again changes nothing.
import type { Db } from '../../platform/db/database.ts';
import type { LaterRelative } from './import-context.ts';
import { personsByIdNumbers } from './import.repository.ts';

const CHUNK = 5_000;

/** Links the relatives that exist now; returns how many links were made. */
export async function linkLaterRelatives(db: Db, later: LaterRelative[], now: string): Promise<number> {
  let linked = 0;
  for (let i = 0; i < later.length; i += CHUNK) {
    const part = later.slice(i, i + CHUNK);
    const found = await personsByIdNumbers(db, part.map((l) => l.idNumber));
    const links = part.flatMap((l) => {
      const relative = found.get(l.idNumber);
      return relative && relative.id !== l.personId ? [{ ...l, relativeId: relative.id }] : [];
    });
    if (links.length === 0) continue;
    await db.kysely.transaction().execute(async (trx) => {
      for (const l of links) {
        const r = await trx.updateTable('persons')
          .set((eb) => ({ [l.column]: l.relativeId, version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', l.personId).where(l.column, 'is', null)
          .executeTakeFirst();
        linked += Number(r.numUpdatedRows);
      }
    });
  }
  return linked;
}
