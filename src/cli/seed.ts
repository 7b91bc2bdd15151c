import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';
import { systemActor } from '../platform/auth/roles.ts';
import { seedPopulation } from '../registry/seed/seed.service.ts';
import { progressLine } from './progress.ts';

export function seedCommand(program: Command) {
  program.command('seed')
    .description('create a deterministic synthetic population (marked synthetic)')
    .option('--region <code>', 'area code of the city or county', '5107')
    .option('--persons <n>', 'number of persons', '100000')
    .option('--seed <s>', 'random seed', '1')
    .action(async (o: { region: string; persons: string; seed: string }) => {
      const ctx = await boot();
      try {
        const summary = await seedPopulation(ctx, systemActor(''), { region: o.region, persons: Number(o.persons), seed: Number(o.seed) }, progressLine('生成人口 seeding'));
        console.log(JSON.stringify(summary));
      } finally {
        await ctx.db.close();
      }
    });
}
