// The generated section of the work summary (主要指标完成情况), written from the figures and
// targets in the style of the source documents:
//   "全区出生人口2979人，出生率为4.83‰，其中政策内出生2964人，政策外出生15人，
//    全区符合政策生育率为99.50%，人口自然增长率为2.8‰"
// Pure.
import type { IndicatorValue } from '../stats/compute.ts';
import type { AssessedValue } from '../stats/targets.service.ts';

export interface SummaryFigures {
  areaName: string;
  areaLevel: number;
  periodLabel: string;
  annualised: boolean;
  basis: 'hukou' | 'resident';
  values: Record<string, IndicatorValue>;
  assessments: Record<string, AssessedValue>;
  /** Children with their values, for the comparison sentence. */
  children: { name: string; values: Record<string, IndicatorValue> }[];
}

/** 全区 / 全县 / 全市 / 全镇 / 全乡 / 全街道 / 全村 / 全社区 from the area's name. */
export function wholeAreaWord(name: string, level: number): string {
  for (const suffix of ['街道', '社区', '区', '县', '市', '镇', '乡', '村', '省']) if (name.endsWith(suffix)) return `全${suffix}`;
  return level <= 2 ? '全市' : level === 3 ? '全县' : '全辖区';
}

const fmt = (v: IndicatorValue | undefined, decimals: number) => (v && v.value !== null ? v.value.toFixed(decimals) : null);

export function overviewSentence(f: SummaryFigures): string {
  const whole = wholeAreaWord(f.areaName, f.areaLevel);
  const v = f.values;
  const parts: string[] = [];
  const births = v.births?.value;
  if (births !== null && births !== undefined) {
    let s = `${whole}出生人口${births}人`;
    const br = fmt(v.birth_rate, 2);
    if (br) s += `，出生率为${br}‰`;
    const pc = v.policy_compliance_rate;
    if (pc && pc.value !== null && pc.denominator) {
      const noncompliant = pc.denominator - (pc.numerator ?? 0);
      s += `，其中政策内出生${pc.numerator}人，政策外出生${noncompliant}人，${whole}符合政策生育率为${pc.value.toFixed(2)}%`;
    }
    parts.push(s);
  }
  const deaths = v.deaths?.value;
  if (deaths !== null && deaths !== undefined) parts.push(`死亡${deaths}人${fmt(v.death_rate, 2) ? `，死亡率为${fmt(v.death_rate, 2)}‰` : ''}`);
  const ng = fmt(v.natural_growth_rate, 2);
  if (ng) parts.push(`人口自然增长率为${ng}‰`);
  const sr = fmt(v.sex_ratio_at_birth, 2);
  if (sr) parts.push(`出生人口性别比为${sr}`);
  const basis = f.basis === 'hukou' ? '按户籍人口统计' : '按常住人口统计';
  const ann = f.annualised ? '，比率已年化' : '';
  return `${f.periodLabel}，${parts.join('，')}（${basis}${ann}）。`;
}

/** One sentence per indicator with a target, joined as in the source documents. */
export function targetSentences(f: SummaryFigures): string[] {
  return Object.values(f.assessments).filter((a) => a.target).map((a) => `${a.phrase}。`);
}

export function childrenSentence(f: SummaryFigures): string | null {
  const withBirths = f.children.filter((c) => c.values.births && c.values.births.value !== null);
  if (withBirths.length < 2) return null;
  const sorted = [...withBirths].sort((a, b) => (b.values.birth_rate?.value ?? -1) - (a.values.birth_rate?.value ?? -1));
  const list = sorted.map((c) => `${c.name}${c.values.births.value}人${c.values.birth_rate?.value !== null && c.values.birth_rate ? `（出生率${c.values.birth_rate.value.toFixed(2)}‰）` : ''}`);
  return `分地区看，出生人口${list.join('、')}。`;
}
