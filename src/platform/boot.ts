// Opens the database, applies migrations, loads the area divisions once, and builds the context.
import { loadConfig, type Config } from './config.ts';
import { shanghaiDate, type AppContext } from './context.ts';
import { openDb } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { AreaDirectory } from '../registry/areas/area-directory.ts';
import { loadAreaRows } from '../registry/areas/area-source.ts';
import { restoreIndexes } from '../registry/imports/bulk-load.ts';
import { allAreas, countAreas, insertAreas } from '../registry/areas/areas.repository.ts';

export interface BootOptions {
  config?: Partial<Config>;
  schema?: string; // PostgreSQL schema (tests)
  today?: string;
}

export async function boot(opts: BootOptions = {}): Promise<AppContext> {
  const config = { ...loadConfig(), ...opts.config };
  const db = openDb(config.databaseUrl, { schema: opts.schema ?? config.databaseSchema, readWorkers: config.readWorkers });
  try {
    await migrateToLatest(db);
    // A large import killed half-way leaves its suspended search indexes behind.
    const restored = await restoreIndexes(db);
    if (restored.length) console.warn(`重建了中断导入留下的索引 / rebuilt indexes left by an interrupted import: ${restored.join(', ')}`);
    if ((await countAreas(db.kysely)) === 0) {
      const rows = loadAreaRows(config.areaProvinces);
      await db.kysely.transaction().execute((trx) => insertAreas(trx, rows));
    }
    const areas = new AreaDirectory(await allAreas(db.kysely));
    const fixedToday = opts.today;
    return { db, config, areas, today: () => fixedToday ?? shanghaiDate() };
  } catch (e) {
    await db.close();
    throw e;
  }
}
