import type { AppContext } from '../platform/context.ts';
import { currentRules } from './rules.service.ts';
import { programmesView } from './timeline.ts';

const NATIONAL = { zh: '全国', en: 'National' };

export async function listProgrammes(ctx: AppContext) {
  const rules = await currentRules(ctx);
  const name = (code: string) => (code === 'CN' ? NATIONAL.zh : ctx.areas.has(code) ? ctx.areas.name(code) : code);
  return { items: programmesView(rules, name) };
}
