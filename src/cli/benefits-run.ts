import type { Command } from 'commander';
import { systemActor } from '../platform/auth/roles.ts';
import { boot } from '../platform/boot.ts';
import { runAllProgrammes, runEligibility } from '../benefits/run.service.ts';
import { PROGRAMME_CODES, type ProgrammeCode } from '../benefits/rules.ts';
import { progressLine } from './progress.ts';

export function programmeOption(value: string): ProgrammeCode {
  if (!(PROGRAMME_CODES as readonly string[]).includes(value)) throw new Error(`未知项目 ${value} / unknown programme ${value}: ${PROGRAMME_CODES.join(', ')}`);
  return value as ProgrammeCode;
}

export function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new Error(`年份须为4位数字 / the year must have 4 digits: ${value}`);
  return Number(value);
}

/** `renkou benefits run --programme P --area CODE --year Y`: the eligibility run of a cycle. */
export function benefitsRunCommand(benefits: Command) {
  benefits.command('run')
    .description('eligibility run of a programme over a county\'s registry for a year (new / continuing / leaving)')
    .requiredOption('--programme <code>', `${PROGRAMME_CODES.join(' | ')} | all`)
    .requiredOption('--area <code>', 'county code (6 digits)')
    .requiredOption('--year <yyyy>', 'year of the cycle')
    .action(async (o: { programme: string; area: string; year: string }) => {
      const programme = o.programme === 'all' ? 'all' : programmeOption(o.programme);
      const year = yearOption(o.year);
      const ctx = await boot();
      try {
        const summary = programme === 'all'
          ? await runAllProgrammes(ctx, systemActor(''), { area: o.area, year, programmes: [...PROGRAMME_CODES] }, progressLine('资格审核 eligibility'))
          : await runEligibility(ctx, systemActor(''), { programme, area: o.area, year }, progressLine('资格审核 eligibility'));
        console.log(JSON.stringify(summary));
      } finally {
        await ctx.db.close();
      }
    });
}
