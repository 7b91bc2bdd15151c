// The benchmark's city: a deterministic synthetic population of 绵阳市 seeded with the
// project's own generator (`seedPopulation`, the same code as `renkou seed`), ending on a
// fixed day so that the same seed gives the same city, CSV and xlsx on any date.
import fs from 'node:fs';
import path from 'node:path';
import { boot } from '../../src/platform/boot.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { seedPopulation } from '../../src/registry/seed/seed.service.ts';
import { elapsedSince, progress, step } from '../lib/log.ts';
import { removeDb } from '../lib/workspace.ts';

/** 绵阳市, Sichuan: the region seeded, the import scope and the administrator's area. */
export const REGION = '5107';
/** The last day of the seeded city, and "today" of every import validation. */
export const BENCH_TODAY = '2026-11-22';

export interface CityInfo {
  persons: number;
  events: number;
  families: number;
  /** Seeding time (boot and migrations not included). */
  seconds: number;
  personsPerSecond: number;
}

/**
 * A SQLite database at `dbFile`, migrated, with the areas of Sichuan loaded, today fixed to
 * BENCH_TODAY. The environment's database settings are ignored. The caller closes ctx.db.
 */
export async function bootSqlite(dbFile: string): Promise<AppContext> {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  return boot({
    config: { databaseUrl: `file:${dbFile}`, databaseSchema: undefined, region: REGION, areaProvinces: ['51'], demo: false },
    today: BENCH_TODAY,
  });
}

/**
 * Seeds a new city of `persons` persons into `dbFile` (any previous file is removed). The
 * server creates its administrator at first start (RENKOU_ADMIN_PASSWORD, see
 * server/server.ts), so no user is created here.
 */
export async function buildCity(dbFile: string, persons: number, seed: number): Promise<CityInfo> {
  removeDb(dbFile);
  const ctx = await bootSqlite(dbFile);
  let done = false;
  try {
    step(`seeding a city of ${persons.toLocaleString('en-US')} persons (seed ${seed}) in ${dbFile}`);
    const t0 = process.hrtime.bigint();
    const s = await seedPopulation(ctx, systemActor(''), { region: REGION, persons, seed }, progress('seeding (persons)'));
    const seconds = elapsedSince(t0);
    ctx.db.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    step(`  seeded ${s.persons.toLocaleString('en-US')} persons, ${s.events.toLocaleString('en-US')} events, ${s.families.toLocaleString('en-US')} families in ${seconds.toFixed(1)} s`);
    done = true;
    return { persons: s.persons, events: s.events, families: s.families, seconds, personsPerSecond: s.persons / seconds };
  } finally {
    await ctx.db.close();
    if (!done) removeDb(dbFile); // never leave a half-seeded city to be reused
  }
}
