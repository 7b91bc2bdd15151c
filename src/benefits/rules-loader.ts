// Reads the version-controlled rule files once. A file that does not match the schema stops the
// start: wrong rules must never be paid out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { PROGRAMME_CODES, programmeRulesSchema, type ProgrammeRules, type RuleSet } from './rules.ts';

const RULES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rules');
let cached: RuleSet | null = null;

export function loadRuleFiles(dir = RULES_DIR): RuleSet {
  const out: Partial<RuleSet> = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const parsed = programmeRulesSchema.safeParse(YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    if (!parsed.success) throw new Error(`rules file ${f}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    out[parsed.data.programme] = parsed.data as ProgrammeRules;
  }
  for (const code of PROGRAMME_CODES) if (!out[code]) throw new Error(`no rules file for programme ${code}`);
  return out as RuleSet;
}

export function ruleFiles(): RuleSet {
  return (cached ??= loadRuleFiles());
}
