// Prepared statements kept per SQLite connection, by their SQL text: bulk paths run the same
// statement many times, and preparing it again each time costs more than running it.
import type Database from 'better-sqlite3';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement of `text` on `sqlite`, prepared on first use. */
export function cachedStatement(sqlite: Database.Database, text: string): Database.Statement {
  let statements = byConnection.get(sqlite);
  if (!statements) byConnection.set(sqlite, (statements = new Map()));
  let st = statements.get(text);
  if (!st) statements.set(text, (st = sqlite.prepare(text)));
  return st;
}
