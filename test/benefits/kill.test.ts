// Killing the process while it writes a payment batch or applies the bank's result file, then
// starting again: no line is paid twice and none is lost. The CLI runs in a child process and is
// killed with SIGKILL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCycle, insertLines } from '../../src/benefits/cycles.repository.ts';
import type { NewLine } from '../../src/platform/db/schema.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS } from '../support/factories.ts';

const N = 30_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-benefits-kill-'));

describe.each(DIALECTS)('payments killed half-way on %s', (dialect) => {
  let t: TestDb;
  const cycleId = uuidv7();
  const lineIds: string[] = [];

  beforeAll(async () => {
    t = await createTestContext(dialect);
    const now = new Date().toISOString();
    // A frozen roster of N lines (made directly: the volume is the point here, not the run).
    await insertCycle(t.ctx.db.kysely, { id: cycleId, programme: 'specialAid', area_code: AREAS.fucheng, year: 2026, status: 'frozen', notice_from: '2026-11-01', notice_to: '2026-11-07', created_by: null, version: 1, created_at: now, updated_at: now });
    const rows: NewLine[] = [];
    for (let i = 0; i < N; i++) {
      const id = uuidv7();
      lineIds.push(id);
      rows.push({
        id, cycle_id: cycleId, person_id: uuidv7(), area_code: AREAS.jingzhong, kind: 'continuing', eligible: 1, reasons: '[]', scheme: 'national',
        stage: 'confirmed', returned_reason: null, returned_level: null, amount_fen: 180000, split: '{"central":144000,"provincial":36000}', param_set_id: null,
        rule_version: '2014-01-01', frozen: 1, snapshot: JSON.stringify({ name: `受益人${i}`, idNumber: null }), bank_account: `62170000${String(i).padStart(8, '0')}`,
        version: 1, created_at: now, updated_at: now,
      });
    }
    for (let i = 0; i < N; i += 1000) await t.ctx.db.kysely.transaction().execute((trx) => insertLines(trx, rows.slice(i, i + 1000)));
  }, 180_000);
  afterAll(async () => t.dispose());

  const env = () => ({ ...process.env, DATABASE_URL: t.url, RENKOU_DB_SCHEMA: t.schema ?? '', RENKOU_AREA_PROVINCES: '5107,510107', RENKOU_DEMO: '0' });
  const db = () => t.ctx.db.kysely;
  const payments = async (status?: string) => {
    let q = db().selectFrom('benefit_payments').select((eb) => eb.fn.countAll<number>().as('n')).where('cycle_id', '=', cycleId);
    if (status) q = q.where('status', '=', status as 'paid');
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  function cli(args: string[], killWhen?: () => Promise<boolean>): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['bin/renkou.mjs', 'benefits', ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      let killed = false;
      let busy = false;
      child.stdout.on('data', (d) => (stdout += d));
      const timer = killWhen ? setInterval(async () => {
        if (killed || busy) return;
        busy = true;
        if (await killWhen()) { killed = true; child.kill('SIGKILL'); }
        busy = false;
      }, 2) : null;
      child.on('exit', (code) => { if (timer) clearInterval(timer); resolve({ code, stdout, stderr, killed }); });
    });
  }

  const pay = (out: string, killWhen?: () => Promise<boolean>) =>
    cli(['pay', '--programme', 'specialAid', '--area', AREAS.fucheng, '--year', '2026', '--out', path.join(dir, out)], killWhen);

  it('a batch is written whole or not at all; paying again never pays a line twice', async () => {
    // Killed while it works (the batch is one transaction: nothing of it may remain).
    const started = Date.now();
    const first = await pay('first.csv', async () => Date.now() - started > 1500);
    const afterKill = await payments();
    expect([0, N]).toContain(afterKill);
    const again = await pay(`${dialect}-batch.csv`);
    if (afterKill === 0) {
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ lines: N, totalYuan: N * 1800 });
    } else {
      // The batch had committed before the kill (which may still have hit the process on its way out).
      expect(again.code, `first run: killed ${first.killed}`).not.toBe(0); // nothing left to pay
    }
    expect(await payments()).toBe(N);
    const perLine = await db().selectFrom('benefit_payments').select((eb) => eb.fn.count<number>('line_id').distinct().as('n')).where('cycle_id', '=', cycleId).executeTakeFirstOrThrow();
    expect(Number(perLine.n)).toBe(N);
    expect((await pay('third.csv')).code).not.toBe(0);
    expect(await payments()).toBe(N);
  });

  it('a reconciliation killed half-way settles every payment exactly once when run again', async () => {
    const batch = await db().selectFrom('benefit_batches').select('id').where('cycle_id', '=', cycleId).executeTakeFirstOrThrow();
    const rows = lineIds.map((id, i) => `${id},${batch.id},${i % 10 === 0 ? '失败,账号已销户' : '成功,'}`);
    const file = path.join(dir, `${dialect}-result.csv`);
    fs.writeFileSync(file, ['流水号,批次号,状态,失败原因', ...rows].join('\n'));
    const first = await cli(['reconcile', file], async () => (await payments('pending')) < N);
    expect(first.killed).toBe(true);
    const settled = N - (await payments('pending'));
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThan(N);
    const second = await cli(['reconcile', file]);
    expect(second.code, second.stdout).toBe(0);
    const s = JSON.parse(second.stdout);
    expect(s.paid + s.failed).toBe(N - settled);
    expect(s.alreadySettled).toBe(settled);
    expect(await payments('paid')).toBe(N * 0.9);
    expect(await payments('failed')).toBe(N * 0.1);
    expect(await payments('pending')).toBe(0);
    const third = JSON.parse((await cli(['reconcile', file])).stdout);
    expect(third).toMatchObject({ paid: 0, failed: 0, alreadySettled: N });
  });
});
