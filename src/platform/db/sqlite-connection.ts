// A read-write connection to a SQLite file with the settings every writer of it uses: the main
// connection, and the write thread of large imports (src/registry/imports/write-thread.ts).
import SqliteDatabase from 'better-sqlite3';

export function sqliteConnection(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -65536'); // 64 MiB page cache (person searches read through their own threads)
  sqlite.pragma('temp_store = MEMORY');
  return sqlite;
}
