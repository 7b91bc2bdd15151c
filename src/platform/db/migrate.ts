// Forward-only migrations, applied in name order, each in its own transaction.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as m001 from './migrations/001-initial.ts';
import * as m002 from './migrations/002-disability-grade.ts';
import * as m003 from './migrations/003-person-search-indexes.ts';
import * as m004 from './migrations/004-statistics.ts';
import * as m005 from './migrations/005-benefits.ts';
import * as m006 from './migrations/006-vital-aggregates.ts';
import * as m007 from './migrations/007-persons-spouse-index.ts';
import * as m008 from './migrations/008-persons-relative-indexes.ts';
import * as m009 from './migrations/009-drop-spans-person-index.ts';
import * as m010 from './migrations/010-bulk-dropped-indexes.ts';

const ALL = {
  '001-initial': m001, '002-disability-grade': m002, '003-person-search-indexes': m003, '004-statistics': m004, '005-benefits': m005,
  '006-vital-aggregates': m006, '007-persons-spouse-index': m007, '008-persons-relative-indexes': m008,
  '009-drop-spans-person-index': m009, '010-bulk-dropped-indexes': m010,
} as const;

class StaticProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(ALL)) out[name] = { up: (k) => m.up(k, this.db.dialect) };
    return out;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider(db), migrationTableSchema: db.schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
