// Dated rule sets of the birth policy (rules/birth-policy.yaml) classifying each birth for the
// historical "policy-compliant" statistic. Pure apart from loading the file once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';

export interface PolicyRule { from: string; maxCompliantParity: number | null; reference: string }
export type BirthClass = 'compliant' | 'noncompliant' | 'unclassified' | 'not_applicable';

const here = path.dirname(fileURLToPath(import.meta.url));
const ruleSchema = z.array(z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  maxCompliantParity: z.number().int().positive().nullable(),
  reference: z.string(),
}));

let cached: PolicyRule[] | null = null;
export function policyRules(): PolicyRule[] {
  cached ??= ruleSchema.parse(YAML.parse(fs.readFileSync(path.join(here, 'rules', 'birth-policy.yaml'), 'utf8')))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  return cached;
}

/** The rule in force on `date`: the latest `from` ≤ date; undefined before the first. */
export function ruleOn(date: string, rules = policyRules()): PolicyRule | undefined {
  let found: PolicyRule | undefined;
  for (const r of rules) if (r.from <= date) found = r;
  return found;
}

/**
 * compliant / noncompliant by parity against the rule in force; not_applicable where no rule
 * set applies (before the first, or from a rule with a null limit: after 2021-08-20);
 * unclassified when the parity is unknown.
 */
export function classifyBirth(date: string, parity: number | null, rules = policyRules()): BirthClass {
  const rule = ruleOn(date, rules);
  if (!rule || rule.maxCompliantParity === null) return 'not_applicable';
  if (parity === null || parity < 1) return 'unclassified';
  return parity <= rule.maxCompliantParity ? 'compliant' : 'noncompliant';
}

/** Does any day of [from, to] fall under a rule set with a limit? */
export function policyAppliesWithin(from: string, to: string, rules = policyRules()): boolean {
  const starts = [from, ...rules.map((r) => r.from).filter((d) => d > from && d <= to)];
  return starts.some((d) => { const r = ruleOn(d, rules); return !!r && r.maxCompliantParity !== null; });
}
