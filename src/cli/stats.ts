import fs from 'node:fs';
import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';
import { systemActor } from '../platform/auth/roles.ts';
import { downloadSummary, downloadTable } from '../reports/reports.service.ts';
import { statsTable } from '../stats/stats.service.ts';

export function statsCommand(program: Command) {
  program.command('stats')
    .description('indicators of an area and its children for a period (JSON), or the .xlsx table / .docx summary')
    .requiredOption('--area <code>', 'area code (any level)')
    .requiredOption('--period <p>', '2023, 2023S1, 2023Q1, 202301, 2023FP or YYYY-MM-DD..YYYY-MM-DD')
    .option('--indicators <codes>', 'comma-separated indicator codes (default: all)')
    .option('--basis <basis>', 'hukou or resident', 'hukou')
    .option('--annualise', 'annualise sub-annual rates (× 365 / days)', false)
    .option('--format <format>', 'json, xlsx or docx', 'json')
    .option('--out <file>', 'write to this file (required for xlsx and docx)')
    .action(async (o: { area: string; period: string; indicators?: string; basis: string; annualise: boolean; format: string; out?: string }) => {
      if (o.basis !== 'hukou' && o.basis !== 'resident') throw new Error(`--basis 须为 hukou 或 resident / --basis must be hukou or resident, got "${o.basis}"`);
      if (!['json', 'xlsx', 'docx'].includes(o.format)) throw new Error(`--format 须为 json、xlsx 或 docx / --format must be json, xlsx or docx, got "${o.format}"`);
      if (o.format !== 'json' && !o.out) throw new Error('xlsx 与 docx 须指定 --out 文件 / xlsx and docx need --out FILE');
      const ctx = await boot();
      try {
        const q = { area: o.area, period: o.period, indicators: o.indicators?.split(',').map((s) => s.trim()).filter(Boolean), basis: o.basis as 'hukou' | 'resident', annualise: o.annualise };
        const actor = systemActor('');
        if (o.format === 'json') {
          const text = JSON.stringify(await statsTable(ctx, actor, q), null, 2);
          if (o.out) fs.writeFileSync(o.out, text + '\n');
          else console.log(text);
          return;
        }
        const f = o.format === 'xlsx' ? await downloadTable(ctx, actor, q) : await downloadSummary(ctx, actor, q);
        fs.writeFileSync(o.out!, f.buffer);
        console.error(`${f.filename} → ${o.out}`);
      } finally {
        await ctx.db.close();
      }
    });
}
