import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';
import { systemActor } from '../platform/auth/roles.ts';
import { hasSyntheticPersons } from '../registry/seed/demo.repository.ts';
import { seedPopulation } from '../registry/seed/seed.service.ts';
import { progressLine } from './progress.ts';

function integer(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new Error(`${flag} 须为不小于 ${min} 的整数，收到 "${value}" / ${flag} must be an integer ≥ ${min}, got "${value}"`);
  }
  return n;
}

export function seedCommand(program: Command) {
  program.command('seed')
    .description('create a deterministic synthetic population (marked synthetic) in an empty registry')
    .option('--region <code>', 'area code of the city or county', '5107')
    .option('--persons <n>', 'number of persons', '100000')
    .option('--seed <s>', 'random seed', '1')
    .action(async (o: { region: string; persons: string; seed: string }) => {
      const persons = integer(o.persons, '--persons', 1);
      const seed = integer(o.seed, '--seed', 0);
      const ctx = await boot();
      try {
        if (!ctx.areas.has(o.region)) throw new Error(`未知的区划代码 ${o.region} / unknown area code ${o.region}`);
        // Seeded IDs (UUIDs, household and ID numbers) are only unique within one run.
        if (await hasSyntheticPersons(ctx.db.kysely)) {
          throw new Error('数据库中已有合成（演示）人口，只能在没有合成人口的数据库中生成 / the registry already holds synthetic persons: seed into a registry without them');
        }
        const summary = await seedPopulation(ctx, systemActor(''), { region: o.region, persons, seed }, progressLine('生成人口 seeding'));
        console.log(JSON.stringify(summary));
      } finally {
        await ctx.db.close();
      }
    });
}
