// Benefits figures on the kept city (a copy of it): the eligibility run of every programme over
// every county of the city, a payment batch of 100,000 lines with its bank file written, and the
// reconciliation of a 100,000-line bank result file.
import fs from 'node:fs';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { systemActor } from '../../src/platform/auth/roles.ts';
import type { NewLine } from '../../src/platform/db/schema.ts';
import { insertCycle, insertLines } from '../../src/benefits/cycles.repository.ts';
import { bankFile, createBatch, reconcile } from '../../src/benefits/payments.service.ts';
import { runAllProgrammes } from '../../src/benefits/run.service.ts';
import { PROGRAMME_CODES } from '../../src/benefits/rules.ts';
import { bootSqlite, REGION } from '../data/city.ts';
import { elapsedSince, step } from '../lib/log.ts';
import type { FigureRow } from '../report/results.ts';
import type { BenchPart } from './part.ts';

const LINES = 100_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (x: number) => `${x.toFixed(2)} s`;

const part: BenchPart = {
  name: 'benefits',
  description: 'eligibility run of every programme over the city; payment batch and reconciliation of 100,000 lines',
  async run(c) {
    const dbFile = path.join(c.ws.scratch, 'benefits', 'city.db');
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    fs.copyFileSync(c.cityDb, dbFile);
    const ctx = await bootSqlite(dbFile);
    const actor = systemActor('');
    const db = ctx.db.kysely;
    const rows: FigureRow[] = [];
    try {
      // 1. Eligibility of every programme in every county of the city, 2026 (the city's registry read once).
      const counties = ctx.areas.childrenOf(REGION).map((a) => a.code).filter((code) => code.length === 6);
      const runTimes: number[] = [];
      let lines = 0;
      for (let run = 0; run < c.args.runs; run++) {
        for (const t of ['benefit_payments', 'benefit_batches', 'benefit_review_actions', 'benefit_objections', 'benefit_lines', 'benefit_cycles'] as const) await db.deleteFrom(t).execute();
        const t0 = process.hrtime.bigint();
        lines = 0;
        const out = await runAllProgrammes(ctx, actor, { area: REGION, year: 2026, programmes: [...PROGRAMME_CODES] });
        for (const byProgramme of Object.values(out)) for (const s of Object.values(byProgramme)) lines += s.new + s.continuing + s.leaving;
        runTimes.push(elapsedSince(t0));
        step(`  benefits: eligibility run ${run + 1}: ${secs(runTimes.at(-1)!)}, ${lines.toLocaleString('en-US')} lines in ${counties.length} counties`);
      }
      const eligibility = median(runTimes);
      rows.push({ figure: `Eligibility run, all ${PROGRAMME_CODES.length} programmes over ${c.persons.toLocaleString('en-US')} persons (${counties.length} counties, ${lines.toLocaleString('en-US')} lines written)`, measured: secs(eligibility), goal: '≤ 10 s', ratio: '—', status: eligibility <= 10 ? 'pass' : 'FAIL' });

      // 2. A frozen roster of 100,000 lines (real persons' names and ID numbers in the snapshots).
      const persons = await db.selectFrom('persons').select(['id', 'name', 'id_number', 'hukou_area_code']).where('hukou_area_code', 'like', `${counties[0]}%`).limit(LINES).execute();
      const more = persons.length < LINES ? await db.selectFrom('persons').select(['id', 'name', 'id_number', 'hukou_area_code']).limit(LINES).execute() : persons;
      const people = (persons.length < LINES ? more : persons).slice(0, LINES);
      const now = new Date().toISOString();
      const cycleId = uuidv7();
      await insertCycle(db, { id: cycleId, programme: 'rewardAid', area_code: counties[0], year: 2099, status: 'frozen', notice_from: '2099-01-01', notice_to: '2099-01-07', created_by: null, version: 1, created_at: now, updated_at: now });
      const lineRows: NewLine[] = people.map((p, i) => ({
        id: uuidv7(), cycle_id: cycleId, person_id: p.id, area_code: p.hukou_area_code, kind: 'continuing', eligible: 1, reasons: '[]', scheme: 'national',
        stage: 'confirmed', returned_reason: null, returned_level: null, amount_fen: 96000, split: '{"central":76800,"provincial":19200}', param_set_id: null,
        rule_version: '2004-01-01', frozen: 1, snapshot: JSON.stringify({ name: p.name, idNumber: p.id_number }), bank_account: `6217${String(i).padStart(12, '0')}`,
        version: 1, created_at: now, updated_at: now,
      }));
      for (let i = 0; i < lineRows.length; i += 1000) await db.transaction().execute((trx) => insertLines(trx, lineRows.slice(i, i + 1000)));

      const payTimes: number[] = [];
      const xlsxTimes: number[] = [];
      let batchId = '';
      const bankCsv = path.join(c.ws.scratch, 'benefits', 'bank.csv');
      for (let run = 0; run < c.args.runs; run++) {
        await db.deleteFrom('benefit_payments').where('cycle_id', '=', cycleId).execute();
        await db.deleteFrom('benefit_batches').where('cycle_id', '=', cycleId).execute();
        await db.updateTable('benefit_cycles').set({ status: 'frozen' }).where('id', '=', cycleId).execute();
        const t0 = process.hrtime.bigint();
        const batch = await createBatch(ctx, actor, cycleId);
        const f = await bankFile(ctx, actor, batch.id, { format: 'csv', encoding: 'gbk' });
        fs.writeFileSync(bankCsv, f.body);
        payTimes.push(elapsedSince(t0));
        batchId = batch.id;
        const t1 = process.hrtime.bigint();
        fs.writeFileSync(path.join(c.ws.scratch, 'benefits', 'bank.xlsx'), (await bankFile(ctx, actor, batch.id, { format: 'xlsx', encoding: 'utf-8' })).body);
        xlsxTimes.push(elapsedSince(t1));
        step(`  benefits: batch ${run + 1}: ${batch.lines.toLocaleString('en-US')} lines + GBK CSV ${secs(payTimes.at(-1)!)}; .xlsx ${secs(xlsxTimes.at(-1)!)}`);
      }
      rows.push({ figure: `Payment batch of ${people.length.toLocaleString('en-US')} lines, bank file written (.csv, GBK)`, measured: secs(median(payTimes)), goal: '≤ 5 s', ratio: '—', status: median(payTimes) <= 5 ? 'pass' : 'FAIL' });
      rows.push({ figure: `Bank file of the same batch as .xlsx (info)`, measured: secs(median(xlsxTimes)), goal: '—', ratio: '—', status: 'info' });

      // 3. The bank's result: every 10th line failed.
      const resultFile = path.join(c.ws.scratch, 'benefits', 'result.csv');
      fs.writeFileSync(resultFile, ['流水号,批次号,状态,失败原因', ...lineRows.map((l, i) => `${l.id},${batchId},${i % 10 === 0 ? '失败,账号已销户' : '成功,'}`)].join('\n'));
      const recTimes: number[] = [];
      for (let run = 0; run < c.args.runs; run++) {
        await db.updateTable('benefit_payments').set({ status: 'pending', failure_reason: null }).where('batch_id', '=', batchId).execute();
        const t0 = process.hrtime.bigint();
        const s = await reconcile(ctx, actor, { path: resultFile, filename: 'result.csv' });
        recTimes.push(elapsedSince(t0));
        if (s.paid + s.failed !== lineRows.length) throw new Error(`reconciliation settled ${s.paid + s.failed} of ${lineRows.length}`);
        step(`  benefits: reconciliation ${run + 1}: ${secs(recTimes.at(-1)!)} (${s.paid} paid, ${s.failed} failed)`);
      }
      rows.push({ figure: `Reconciliation of a ${lineRows.length.toLocaleString('en-US')}-line bank result file`, measured: secs(median(recTimes)), goal: '≤ 10 s', ratio: '—', status: median(recTimes) <= 10 ? 'pass' : 'FAIL' });
      return rows;
    } finally {
      await ctx.db.close();
      fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
    }
  },
};

export default part;
