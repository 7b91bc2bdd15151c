// Process configuration from the environment (names are part of the public interface).
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL schema to use instead of the default search path. */
  databaseSchema: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  dataDir: string;
  sessionHours: number;
  logLevel: string;
  /** The jurisdiction this office runs: the admin's area and the demo city. */
  region: string;
  /** Provinces whose townships and villages are loaded (counties of all China always are). */
  areaProvinces: string[];
  /** SQLite: reader threads for person searches (0: every query on the main thread). */
  readWorkers: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || 'file:./data/renkou.db';
  return {
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    databaseSchema: env.RENKOU_DB_SCHEMA || undefined,
    adminPassword: env.RENKOU_ADMIN_PASSWORD || undefined,
    demo: env.RENKOU_DEMO !== '0',
    dataDir: path.resolve(env.RENKOU_DATA_DIR || dataDirOf(databaseUrl)),
    sessionHours: Number(env.RENKOU_SESSION_HOURS || 8),
    logLevel: env.LOG_LEVEL || 'info',
    region: env.RENKOU_REGION || '5107',
    areaProvinces: (env.RENKOU_AREA_PROVINCES || '51').split(',').map((s) => s.trim()).filter(Boolean),
    readWorkers: readWorkersOf(env.RENKOU_READ_WORKERS),
  };
}

/** Uploads and other files live beside the SQLite file, or under ./data for PostgreSQL. */
function dataDirOf(databaseUrl: string): string {
  if (databaseUrl.startsWith('file:')) {
    const file = databaseUrl.slice('file:'.length);
    if (file !== ':memory:') return path.dirname(file);
  }
  return './data';
}

function readWorkersOf(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 2;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new Error(`RENKOU_READ_WORKERS must be a whole number from 0 to 16, got "${raw}"`);
  return n;
}
