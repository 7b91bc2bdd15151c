// Killing an import half-way leaves whole batches only; running it again finishes the work
// and the result equals one uninterrupted run. The CLI runs in a child process, killed
// with SIGKILL as soon as its first batch is committed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { csv, PERSON_HEADER, personRows } from '../support/import-files.ts';

const ROWS = 60_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-kill-'));
const file = path.join(dir, 'persons.csv');
fs.writeFileSync(file, csv(PERSON_HEADER, personRows(ROWS)));

describe.each(DIALECTS)('an import killed half-way on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestContext(dialect); });
  afterAll(async () => t.dispose());

  const env = () => ({ ...process.env, DATABASE_URL: t.url, RENKOU_DB_SCHEMA: t.schema ?? '', RENKOU_AREA_PROVINCES: '5107,510107', RENKOU_DEMO: '0' });
  const count = async (table: 'persons' | 'person_spans') =>
    Number((await t.ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  function importOnce(killWhenWritten: boolean): Promise<{ code: number | null; stdout: string; killed: boolean }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['bin/renkou.mjs', 'import', 'persons', file], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let killed = false;
      child.stdout.on('data', (d) => (stdout += d));
      const timer = killWhenWritten
        ? setInterval(async () => {
          if (killed) return;
          const n = await count('persons');
          if (n > 0) { killed = true; child.kill('SIGKILL'); }
        }, 5)
        : null;
      child.on('exit', (code) => { if (timer) clearInterval(timer); resolve({ code, stdout, killed }); });
    });
  }

  it('keeps whole batches, then finishes on the second run exactly once', async () => {
    const first = await importOnce(true);
    expect(first.killed).toBe(true);
    const partial = await count('persons');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);
    // Every person written has its span: no batch was half-applied.
    expect(await count('person_spans')).toBe(partial);
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);

    const second = await importOnce(false);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout);
    expect(summary.inserted + summary.unchanged).toBe(ROWS);
    expect(summary.unchanged).toBe(partial);
    expect(await count('persons')).toBe(ROWS);
    expect(await count('person_spans')).toBe(ROWS);
    const distinct = await t.ctx.db.kysely.selectFrom('persons').select((eb) => eb.fn.count<number>('id_number').distinct().as('n')).executeTakeFirstOrThrow();
    expect(Number(distinct.n)).toBe(ROWS);
  });
});
