// One Kysely instance over SQLite (better-sqlite3, WAL) or PostgreSQL, chosen by the URL.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import type PgModule from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from 'kysely';
import type { Database } from './schema.ts';
import { ReadPool } from './read-pool.ts';
import { sqliteConnection } from './sqlite-connection.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only): used by bulk paths that need prepared statements. */
  sqlite?: SqliteDatabase.Database;
  /** Read-only connections on worker threads (SQLite files only): heavy reads outside transactions. */
  reads?: ReadPool;
  /** The raw pool (PostgreSQL only): bulk paths that COPY (pg-copy.ts). */
  pgPool?: PgModule.Pool;
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
    return { kysely, dialect: 'postgres', pgPool: pool, schema: opts.schema, close: () => kysely.destroy() };
  }
  const file = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = sqliteConnection(file);
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: keepingStatements(sqlite) }) });
  const reads = file !== ':memory:' && (opts.readWorkers ?? 0) > 0 ? new ReadPool(path.resolve(file), opts.readWorkers!) : undefined;
  return { kysely, dialect: 'sqlite', sqlite, reads, close: async () => { await reads?.close(); await kysely.destroy(); } };
}

/**
 * Transactions begin IMMEDIATE: they take the write lock first. A large import writes on a
 * connection of its own (src/registry/imports/write-thread.ts); a deferred transaction that
 * read before it wrote would fail (SQLITE_BUSY_SNAPSHOT) when that connection committed in
 * between, where an immediate one waits for it. On one connection nothing else changes: its
 * transactions were one at a time already.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.settings);
  }
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
