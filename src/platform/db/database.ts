// One Kysely instance over SQLite (better-sqlite3, WAL) or PostgreSQL, chosen by the URL.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type PgModule from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { ReadPool } from './read-pool.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only): used by bulk paths that need prepared statements. */
  sqlite?: SqliteDatabase.Database;
  /** Read-only connections on worker threads (SQLite files only): heavy reads outside transactions. */
  reads?: ReadPool;
  /** PostgreSQL schema when not the default (tests use one schema per suite). */
  schema?: string;
  close(): Promise<void>;
}

let pgModule: typeof PgModule | undefined;

/** The PostgreSQL client, loaded on first use: a SQLite server never needs its memory. */
function pgClient(): typeof PgModule {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
    // PostgreSQL returns bigint/numeric as strings by default; our counts fit in JS numbers.
    pgModule.types.setTypeParser(20, (v) => Number(v));
    pgModule.types.setTypeParser(1700, (v) => Number(v));
  }
  return pgModule;
}

export interface OpenOptions {
  schema?: string;
  poolSize?: number;
  /** SQLite: how many reader threads to start (0: none, every query on the main connection). */
  readWorkers?: number;
}

export function openDb(url: string, opts: OpenOptions = {}): Db {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new (pgClient().Pool)({
      connectionString: url,
      max: opts.poolSize ?? 10,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', schema: opts.schema, close: () => kysely.destroy() };
  }
  const file = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -65536'); // 64 MiB page cache (person searches read through their own threads)
  sqlite.pragma('temp_store = MEMORY');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
  const reads = file !== ':memory:' && (opts.readWorkers ?? 0) > 0 ? new ReadPool(path.resolve(file), opts.readWorkers!) : undefined;
  return { kysely, dialect: 'sqlite', sqlite, reads, close: async () => { await reads?.close(); await kysely.destroy(); } };
}

const KEPT_STATEMENTS = 500;

/** Kysely prepares every query it runs; preparing costs more than running most of ours, so the
 *  statements are kept by their SQL text (one that is still being iterated is not shared). */
function keepingStatements(sqlite: SqliteDatabase.Database) {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string): SqliteDatabase.Statement {
      const st = kept.get(sql);
      if (st && !st.busy) return st;
      const fresh = sqlite.prepare(sql);
      if (kept.size >= KEPT_STATEMENTS) kept.clear();
      kept.set(sql, fresh);
      return fresh;
    },
    close: () => sqlite.close(),
  };
}
