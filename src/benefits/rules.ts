// The rules of a programme as data (src/benefits/rules/*.yaml): schemes with their qualifying
// conditions, dated parameters layered by jurisdiction, and funding shares.
import { z } from 'zod';
import type { FundingShare, Layered, Series } from './params.ts';

export const PROGRAMME_CODES = [
  'rewardAid', 'specialAid', 'surgeryComplicationAid', 'onlyChildParentReward',
  'childcareSubsidy', 'accidentInsurance', 'assistedHousehold',
] as const;
export type ProgrammeCode = (typeof PROGRAMME_CODES)[number];

const text = z.object({ zh: z.string(), en: z.string() });
const dated = z.object({
  from: z.union([z.string(), z.date()]).transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10))).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  value: z.unknown().transform((v) => (v === undefined ? null : v)),
  reference: z.string().min(1),
});
const series = z.array(dated);

export const schemeSchema = z.object({
  id: z.string(),
  title: text,
  jurisdiction: z.string(),
  requires: z.object({ hukouType: z.enum(['rural', 'urban']).optional(), fact: z.string().optional(), notFact: z.string().optional() }),
  reference: z.string(),
});

export const programmeRulesSchema = z.object({
  programme: z.enum(PROGRAMME_CODES),
  title: text,
  kind: z.enum(['cash', 'premium', 'inKind']),
  unit: z.enum(['perPersonYear', 'perChildYear', 'perHousehold']),
  excludes: z.array(z.enum(PROGRAMME_CODES)),
  schemes: z.array(schemeSchema).min(1),
  /** Documents of each beneficiary's file; `when`: only for lines with that reason. */
  checklist: z.array(z.object({ item: z.string(), when: z.string().optional() })),
  parameters: z.record(z.string(), z.record(z.string(), series)),
  funding: z.record(z.string(), series),
});

export type Scheme = z.infer<typeof schemeSchema>;
export interface ProgrammeRules extends Omit<z.infer<typeof programmeRulesSchema>, 'parameters' | 'funding'> {
  parameters: Record<string, Layered>;
  funding: Record<string, Series<FundingShare>>;
}
export type RuleSet = Record<ProgrammeCode, ProgrammeRules>;

/** Applies overrides (jurisdiction series replacing those of the files) to a rule set. */
export function withOverrides(base: RuleSet, overrides: { programme: ProgrammeCode; parameter: string; jurisdiction: string; series: Series }[]): RuleSet {
  if (!overrides.length) return base;
  const out = { ...base } as RuleSet;
  for (const o of overrides) {
    const p = (out[o.programme] = { ...out[o.programme], parameters: { ...out[o.programme].parameters } });
    p.parameters[o.parameter] = { ...(p.parameters[o.parameter] ?? {}), [o.jurisdiction]: o.series };
  }
  return out;
}
