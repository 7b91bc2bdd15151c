// The rules in force: the version-controlled files. (Overrides per jurisdiction would be merged
// here with withOverrides.)
import type { AppContext } from '../platform/context.ts';
import { ruleFiles } from './rules-loader.ts';
import type { RuleSet } from './rules.ts';

export async function currentRules(_ctx: AppContext): Promise<RuleSet> {
  return ruleFiles();
}
