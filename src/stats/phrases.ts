// The sentences of the work summary, in the style of the source documents:
//   "符合政策生育率为90.46%，超目标任务5.46个百分点"
//   "人口自然增长率控制在1.96‰以内，超目标任务1.04个千分点"
//   "出生人数2050人，完成目标任务的205%"
// and their not-met counterparts. Pure.
import type { Direction, Unit } from './definitions.ts';
import type { Assessment } from './targets.ts';

export interface PhraseInput {
  name: string;
  unit: Unit;
  decimals: number;
  direction: Direction;
  value: number | null;
  target?: Assessment | null;
  /** The word after a count: 人, 对, 户… (人 by default). */
  countWord?: string;
}

const SIGN: Record<Unit, string> = { percent: '%', permille: '‰', ratio: '', count: '' };
const POINTS: Record<Unit, string> = { percent: '个百分点', permille: '个千分点', ratio: '', count: '' };

export function formatNumber(x: number, decimals: number): string {
  return x.toFixed(decimals);
}

function valueText(p: PhraseInput): string {
  const v = formatNumber(p.value!, p.decimals);
  return p.unit === 'count' ? `${v}${p.countWord ?? '人'}` : `${v}${SIGN[p.unit]}`;
}

/** One clause about an indicator; with a target, whether and by how much it was met. */
export function indicatorPhrase(p: PhraseInput): string {
  if (p.value === null) return `${p.name}暂无数据`;
  const t = p.target;
  if (p.unit === 'count') {
    const base = `${p.name}${valueText(p)}`;
    if (!t || t.completion === null) return base;
    return t.met ? `${base}，完成目标任务的${t.completion}%` : `${base}，完成目标任务的${t.completion}%，未完成目标任务`;
  }
  if (!t || t.gap === null) return `${p.name}为${valueText(p)}`;
  const gap = formatNumber(Math.abs(t.gap), p.decimals);
  const points = p.unit === 'ratio' ? '' : POINTS[p.unit];
  if (t.direction === 'lower') {
    if (t.met) return `${p.name}控制在${valueText(p)}以内，${t.gap === 0 ? '完成目标任务' : `超目标任务${gap}${points}`}`;
    return `${p.name}为${valueText(p)}，高于目标任务${gap}${points}，未完成目标任务`;
  }
  if (t.met) return `${p.name}为${valueText(p)}，${t.gap === 0 ? '完成目标任务' : `超目标任务${gap}${points}`}`;
  return `${p.name}为${valueText(p)}，低于目标任务${gap}${points}，未完成目标任务`;
}
