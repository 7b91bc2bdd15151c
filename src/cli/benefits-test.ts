import path from 'node:path';
import type { Command } from 'commander';
import { runGoldenFile } from '../benefits/golden-file.ts';
import { ruleFiles } from '../benefits/rules-loader.ts';

/** `renkou benefits test FILE.yaml…`: one line per failure, exit 0 when every case passes. */
export function benefitsTestCommand(benefits: Command) {
  benefits.command('test')
    .description('run golden cases (YAML) against the rule files; exit 0 when all pass')
    .argument('<files...>')
    .action((files: string[]) => {
      const rules = ruleFiles();
      let cases = 0;
      let failed = 0;
      for (const f of files) {
        const r = runGoldenFile(rules, path.resolve(f));
        cases += r.cases;
        for (const x of r.failures) {
          failed++;
          console.log(`FAIL ${path.basename(f)}: ${x.caseName}${x.ref ? ` [${x.ref}]` : ''}: ${x.message}`);
        }
      }
      console.log(`${cases} cases, ${failed} failures`);
      if (failed > 0) process.exitCode = 1;
    });
}
