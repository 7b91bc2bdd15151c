// A row may name a mother, father or spouse whose own row comes later in the file. Once every
// row is written those links are made, so that importing the same file again changes nothing;
// each transaction of links has its audit row ('import.relatives', with how many were made).
import type Database from 'better-sqlite3';
import type { AuditContent } from '../../platform/audit/audit-hash.ts';
import { insertAuditRow } from '../../platform/audit/audit.repository.ts';
import type { Db } from '../../platform/db/database.ts';
import { cachedStatement } from '../../platform/db/statement-cache.ts';
import { appendAuditSqlite } from '../bulk.repository.ts';
import type { LaterRelative } from './import-context.ts';
import { personsByIdNumbers } from './import.repository.ts';

const CHUNK = 5_000;

type Link = LaterRelative & { relativeId: string };

/** The audit row of a transaction that made `linked` links. */
export type LinkAudit = (linked: number) => AuditContent;

/** The relatives to link once every row of an import is written, and the audit row of each transaction of links. */
export interface LaterLinks { later: LaterRelative[]; now: string; audit: LinkAudit }

/** Links the relatives that exist now; returns how many links were made. */
export async function linkLaterRelatives(db: Db, { later, now, audit }: LaterLinks): Promise<number> {
  let linked = 0;
  for (let i = 0; i < later.length; i += CHUNK) {
    const part = later.slice(i, i + CHUNK);
    const sqlite = db.sqlite;
    if (sqlite) {
      linked += await db.kysely.connection().execute(async () => linkSqlite(sqlite, part, now, audit));
      continue;
    }
    const found = await personsByIdNumbers(db, part.map((l) => l.idNumber));
    const links = part.flatMap((l) => {
      const relative = found.get(l.idNumber);
      return relative && relative.id !== l.personId ? [{ ...l, relativeId: relative.id }] : [];
    });
    if (links.length > 0) linked += await linkKysely(db, links, now, audit);
  }
  return linked;
}

/**
 * The same on a SQLite connection the caller holds, inside the caller's transaction (each part
 * of links becomes a savepoint there): the end of a large import links them in the transaction
 * that builds the indexes again (bulk-load.ts).
 */
export function linkLaterRelativesOn(sqlite: Database.Database, { later, now, audit }: LaterLinks): number {
  let linked = 0;
  for (let i = 0; i < later.length; i += CHUNK) linked += linkSqlite(sqlite, later.slice(i, i + CHUNK), now, audit);
  return linked;
}

const COLUMNS = ['mother_id', 'father_id', 'spouse_id'] as const;

const linkSql = (column: Link['column']) => `update persons set ${column} = rel.id, version = persons.version + 1, updated_at = ?
  from (select j.value ->> 0 as person_id, j.value ->> 1 as id_number from json_each(?) j) l
  join persons rel on rel.id_number = l.id_number
  where persons.id = l.person_id and persons.${column} is null and rel.id <> persons.id`;

/**
 * SQLite: one statement per column finds the relatives and makes the links, with nothing read
 * into JavaScript (a large import links tens of thousands: 4 s with a look-up of each relative's
 * row and an update per link, at 1M rows).
 */
function linkSqlite(sqlite: Database.Database, part: LaterRelative[], now: string, audit: LinkAudit): number {
  return sqlite.transaction(() => {
    let n = 0;
    for (const column of COLUMNS) {
      const pairs = part.filter((l) => l.column === column).map((l) => [l.personId, l.idNumber]);
      if (pairs.length > 0) n += cachedStatement(sqlite, linkSql(column)).run(now, JSON.stringify(pairs)).changes;
    }
    if (n > 0) appendAuditSqlite(sqlite, audit(n));
    return n;
  }).immediate();
}

async function linkKysely(db: Db, links: Link[], now: string, audit: LinkAudit): Promise<number> {
  let n = 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const l of links) {
      const r = await trx.updateTable('persons')
        .set((eb) => ({ [l.column]: l.relativeId, version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', l.personId).where(l.column, 'is', null)
        .executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
    if (n > 0) await insertAuditRow(trx, db.dialect, audit(n));
  });
  return n;
}
