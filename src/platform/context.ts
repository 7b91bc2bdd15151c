// What every service needs: the database, the configuration and the in-memory area directory.
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { AreaDirectory } from '../registry/areas/area-directory.ts';

export interface AppContext {
  db: Db;
  config: Config;
  areas: AreaDirectory;
  /** Today's date in Asia/Shanghai, YYYY-MM-DD (overridable in tests). */
  today(): string;
}

export function shanghaiDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
