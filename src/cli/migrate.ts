import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';

export function migrateCommand(program: Command) {
  program.command('migrate').description('apply database migrations and load the area divisions').action(async () => {
    const ctx = await boot();
    console.log(JSON.stringify({ database: ctx.db.dialect, areas: ctx.areas.size }));
    await ctx.db.close();
  });
}
