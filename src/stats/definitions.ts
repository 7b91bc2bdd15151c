// Indicator definitions as data (rules/indicators.yaml, optionally extended by the file named in
// RENKOU_INDICATORS_FILE): validated once, expressions parsed once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { parseExpression, referencedMeasures, type Expr } from './expression.ts';
import { MEASURES } from './measures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const definitionSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  numerator: z.string().min(1),
  denominator: z.string().min(1).optional(),
  factor: z.number().positive().default(1),
  unit: z.enum(['count', 'percent', 'permille', 'ratio']),
  decimals: z.number().int().min(0).max(6).default(0),
  direction: z.enum(['higher', 'lower', 'count']),
  annualisable: z.boolean().default(false),
  normalRange: z.tuple([z.number(), z.number()]).optional(),
});

export type Unit = 'count' | 'percent' | 'permille' | 'ratio';
export type Direction = 'higher' | 'lower' | 'count';

export interface IndicatorDefinition extends z.infer<typeof definitionSchema> {
  num: Expr;
  den: Expr | null;
  measures: string[];
}

export function parseDefinitions(raw: unknown): IndicatorDefinition[] {
  const list = z.array(definitionSchema).parse(raw);
  return list.map((d) => {
    const num = parseExpression(d.numerator);
    const den = d.denominator ? parseExpression(d.denominator) : null;
    const measures = [...referencedMeasures(num), ...(den ? referencedMeasures(den) : [])];
    const unknown = measures.filter((m) => !MEASURES.has(m));
    if (unknown.length) throw new Error(`indicator ${d.code}: unknown measures ${unknown.join(', ')}`);
    return { ...d, num, den, measures: [...new Set(measures)] };
  });
}

let cached: IndicatorDefinition[] | null = null;

/** The definitions in order; an office file's entries replace same-code ones and add the rest. */
export function indicatorDefinitions(): IndicatorDefinition[] {
  if (cached) return cached;
  const base = parseDefinitions(YAML.parse(fs.readFileSync(path.join(here, 'rules', 'indicators.yaml'), 'utf8')));
  const extra = process.env.RENKOU_INDICATORS_FILE ? parseDefinitions(YAML.parse(fs.readFileSync(process.env.RENKOU_INDICATORS_FILE, 'utf8'))) : [];
  const byCode = new Map(base.map((d) => [d.code, d]));
  for (const d of extra) byCode.set(d.code, d);
  cached = [...byCode.values()];
  return cached;
}

export function definitionOf(code: string): IndicatorDefinition | undefined {
  return indicatorDefinitions().find((d) => d.code === code);
}
