// Runs a medium suite on SQLite and on PostgreSQL. PostgreSQL comes from TEST_DATABASE_URL;
// each suite gets its own schema, dropped afterwards. Without it the PostgreSQL half is
// skipped with a printed reason, except under CI, where a missing database fails the run.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { boot, type BootOptions } from '../../src/platform/boot.ts';
import type { AppContext } from '../../src/platform/context.ts';

export type DialectName = 'sqlite' | 'postgres';
const pgUrl = process.env.TEST_DATABASE_URL;

if (!pgUrl) {
  if (process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites cannot be skipped under CI');
  console.warn('[renkou tests] TEST_DATABASE_URL is not set: PostgreSQL halves of the medium suites are SKIPPED on this machine.');
}

export const DIALECTS: DialectName[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export const TEST_TODAY = '2026-11-22';

export interface TestDb {
  ctx: AppContext;
  dialect: DialectName;
  url: string;
  schema?: string;
  dispose(): Promise<void>;
}

export async function createTestContext(dialect: DialectName, opts: BootOptions = {}): Promise<TestDb> {
  const config = { areaProvinces: ['5107', '510107'], demo: false, adminPassword: 'Admin#2026x', ...opts.config };
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-test-'));
    const url = `file:${path.join(dir, 'renkou.db')}`;
    const ctx = await boot({ ...opts, today: opts.today ?? TEST_TODAY, config: { ...config, databaseUrl: url, dataDir: dir } });
    return { ctx, dialect, url, dispose: async () => { await ctx.db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-test-'));
  const ctx = await boot({ ...opts, schema, today: opts.today ?? TEST_TODAY, config: { ...config, databaseUrl: pgUrl!, dataDir: dir } });
  return {
    ctx, dialect, url: pgUrl!, schema,
    dispose: async () => {
      await ctx.db.close();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
