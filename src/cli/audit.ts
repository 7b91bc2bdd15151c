import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';
import { verifyAuditChain } from '../platform/audit/audit.service.ts';

export function auditCommand(program: Command) {
  const audit = program.command('audit').description('the audit log');
  audit.command('verify').description('check the hash chain: exit 0 when intact, 1 with the first broken row').action(async () => {
    const ctx = await boot();
    const v = await verifyAuditChain(ctx.db.kysely);
    await ctx.db.close();
    console.log(JSON.stringify(v));
    if (!v.ok) {
      console.error(`审计链在第 ${v.firstBroken!.seq} 行断开（${v.firstBroken!.reason === 'hash' ? '内容被修改' : '前一行被删除或修改'}） / audit chain broken at seq ${v.firstBroken!.seq} (${v.firstBroken!.reason})`);
      process.exitCode = 1;
    }
  });
}
