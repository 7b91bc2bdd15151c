import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../platform/auth/roles.ts';
import { boot } from '../platform/boot.ts';
import { reconcile } from '../benefits/payments.service.ts';
import { progressLine } from './progress.ts';

/** `renkou benefits reconcile FILE`: the bank's result file (paid / failed with a reason). */
export function benefitsReconcileCommand(benefits: Command) {
  benefits.command('reconcile')
    .description('import the bank\'s result file: payments marked paid or failed; safe to repeat')
    .argument('<file>', '.xlsx or .csv with 流水号, 批次号, 状态 (成功/失败) and 失败原因')
    .option('--batch <id>', 'the batch, when the file has no 批次号 column')
    .action(async (file: string, o: { batch?: string }) => {
      const ctx = await boot();
      try {
        const s = await reconcile(ctx, systemActor(''), { path: path.resolve(file), filename: path.basename(file), batchId: o.batch }, progressLine('对账 reconciling'));
        console.log(JSON.stringify({ ...s, unknown: s.unknown.length, badStatus: s.badStatus.length }));
        for (const u of s.unknown.slice(0, 20)) console.error(`第${u.line}行 line ${u.line}: 未知流水号 unknown reference ${u.ref}`);
        for (const b of s.badStatus.slice(0, 20)) console.error(`第${b.line}行 line ${b.line}: 无法识别的状态 unknown status "${b.value}"`);
        if (s.unknown.length || s.badStatus.length) process.exitCode = 2;
      } finally {
        await ctx.db.close();
      }
    });
}
