import path from 'node:path';
import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';
import { systemActor } from '../platform/auth/roles.ts';
import { runImport, writeErrorReport } from '../registry/imports/import.service.ts';
import { progressLine } from './progress.ts';

export function importCommand(program: Command) {
  program.command('import')
    .description('import persons or population events from .xlsx or .csv (UTF-8 or GBK)')
    .argument('<kind>', 'persons | events')
    .argument('<file>')
    .option('--dry-run', 'check every row, write nothing')
    .option('--area <code>', 'every record must lie in this area')
    .option('--report <file.xlsx>', 'write the rejected rows with their reasons to an .xlsx file')
    .action(async (kind: string, file: string, o: { dryRun?: boolean; area?: string; report?: string }) => {
      if (kind !== 'persons' && kind !== 'events') throw new Error(`unknown kind ${kind}: use persons or events`);
      const ctx = await boot();
      try {
        const scope = o.area ?? ctx.config.region;
        if (!ctx.areas.has(scope)) throw new Error(`unknown area ${scope}`);
        const { summary, rejected, headers } = await runImport(ctx, systemActor(scope), {
          kind, dryRun: !!o.dryRun, scope, path: path.resolve(file), filename: path.basename(file), jobId: null,
        }, progressLine(o.dryRun ? '检查 checking' : '导入 importing'));
        if (o.report && rejected.length) await writeErrorReport(path.resolve(o.report), headers, rejected);
        console.log(JSON.stringify(summary));
        if (summary.rejected > 0) process.exitCode = 2;
      } finally {
        await ctx.db.close();
      }
    });
}
