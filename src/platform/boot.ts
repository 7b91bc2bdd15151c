// Opens the database, applies migrations, loads the area divisions once, and builds the context.
import { loadConfig, type Config } from './config.ts';
import { shanghaiDate, type AppContext } from './context.ts';
import { openDb } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { AreaDirectory } from '../registry/areas/area-directory.ts';
import { loadAreaRows } from '../registry/areas/area-source.ts';
import { restoreDerived } from '../registry/imports/bulk-load.ts';
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
    // A large import or seeding killed half-way leaves its search indexes and aggregate triggers dropped.
    const restored = await restoreDerived(db);
    if (restored.length) console.warn(`重建了中断的批量写入留下的索引和触发器 / rebuilt indexes and triggers left by an interrupted bulk load: ${restored.join(', ')}`);
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
