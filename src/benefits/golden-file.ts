// Reads a golden-case file and runs every case against the rule files.
import fs from 'node:fs';
import YAML from 'yaml';
import { goldenFileSchema, runGoldenCase, type GoldenFailure } from './golden.ts';
import type { RuleSet } from './rules.ts';

export function runGoldenFile(rules: RuleSet, file: string): { cases: number; failures: GoldenFailure[] } {
  const parsed = goldenFileSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { cases: 0, failures: [{ caseName: '(file)', ref: '', message: `not a golden-case file: ${where}` }] };
  }
  return { cases: parsed.data.length, failures: parsed.data.flatMap((c) => runGoldenCase(rules, c)) };
}
