import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../platform/auth/roles.ts';
import { boot } from '../platform/boot.ts';
import { BANK_COLUMNS, type BankColumn } from '../benefits/bank-file.ts';
import { findCycleFor } from '../benefits/cycles.repository.ts';
import { bankFile, createBatch } from '../benefits/payments.service.ts';
import { programmeOption, yearOption } from './benefits-run.ts';

/** `renkou benefits pay --programme P --area CODE --year Y --out FILE`: a new batch and its bank file. */
export function benefitsPayCommand(benefits: Command) {
  benefits.command('pay')
    .description('create a payment batch of a frozen cycle (lines not yet paid, failed ones again) and write the bank file')
    .requiredOption('--programme <code>')
    .requiredOption('--area <code>', 'county code (6 digits)')
    .requiredOption('--year <yyyy>')
    .requiredOption('--out <file>', 'bank file to write (.xlsx or .csv)')
    .option('--encoding <enc>', 'CSV encoding: utf-8 | gbk', 'utf-8')
    .option('--columns <list>', `comma-separated columns: ${Object.keys(BANK_COLUMNS).join(',')}`)
    .action(async (o: { programme: string; area: string; year: string; out: string; encoding: string; columns?: string }) => {
      const programme = programmeOption(o.programme);
      const year = yearOption(o.year);
      const format = o.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      if (o.encoding !== 'utf-8' && o.encoding !== 'gbk') throw new Error(`--encoding: utf-8 | gbk`);
      const columns = o.columns?.split(',').map((c) => c.trim()).filter(Boolean);
      for (const c of columns ?? []) if (!(c in BANK_COLUMNS)) throw new Error(`未知列 ${c} / unknown column ${c}`);
      const ctx = await boot();
      try {
        const actor = systemActor('');
        const cycle = await findCycleFor(ctx.db.kysely, programme, o.area, year);
        if (!cycle) throw new Error(`没有该周期 / no cycle for ${programme} ${o.area} ${year}`);
        const batch = await createBatch(ctx, actor, cycle.id);
        const f = await bankFile(ctx, actor, batch.id, { format, encoding: o.encoding, columns: columns as BankColumn[] | undefined });
        fs.writeFileSync(path.resolve(o.out), f.body);
        console.log(JSON.stringify({ batchId: batch.id, seq: batch.seq, lines: batch.lines, totalYuan: batch.totalFen / 100, file: path.resolve(o.out) }));
      } finally {
        await ctx.db.close();
      }
    });
}
