// Labels of programmes, stages and reasons in the UI language.
import { useI18n } from '../../app/i18n';
import type { Programme } from './benefits.api';

export function useTitle() {
  const { locale } = useI18n();
  return (p: { title: Programme['title'] } | undefined, fallback = '') => (p ? (locale === 'zh-CN' ? p.title.zh : p.title.en) : fallback);
}

export function formatValue(v: unknown): string {
  if (v && typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k} ${String(x)}`).join(' / ');
  return String(v);
}

// Reason codes of eligibility outcomes (src/benefits/programmes/*), in both languages.
const REASONS: Record<string, [string, string]> = {
  'age.reached': ['已满年龄', 'age reached'],
  'age.turned': ['当年达到年龄', 'reaches the age this year'],
  'age.below': ['未到年龄', 'below the age'],
  'children.one': ['现有一个子女', 'one living child'],
  'children.two_daughters': ['农村双女户', 'two daughters (rural)'],
  'children.none_living': ['子女均已死亡', 'all children died'],
  'children.none': ['无子女', 'no children'],
  'children.not_qualifying': ['子女情况不符合', 'children do not qualify'],
  'children.not_only_child': ['非独生子女家庭', 'not an only-child family'],
  'child.died': ['独生子女死亡', 'only child died'],
  'child.disabled': ['独生子女三级以上残疾', 'only child disabled (grade 1–3)'],
  'child.died_this_year': ['子女本年度死亡，次年起享受', 'child died this year: from next year'],
  'child.disability_grade_too_low': ['残疾等级不足三级', 'disability grade below 3'],
  'child.not_died_or_disabled': ['子女未死亡或残疾', 'child neither died nor disabled'],
  'child.under_age': ['3周岁以下婴幼儿', 'child under 3'],
  'child.over_age': ['超过年龄', 'over the age limit'],
  'child.not_born': ['尚未出生', 'not yet born'],
  'mother.age_below': ['女方未满49周岁', 'mother under 49'],
  'hukou.rural': ['农村标准', 'rural rate'],
  'hukou.urban': ['城镇标准', 'urban rate'],
  'hukou.type_not_covered': ['户口性质不在适用范围', 'hukou type not covered'],
  'person.died': ['本人死亡', 'died'],
  'person.moved_away': ['户籍迁出', 'moved away'],
  'person.not_found': ['户籍库中已无此人', 'no longer in the registry'],
  'eligibility.no_longer': ['不再符合条件', 'no longer qualifies'],
  'policy.violation': ['有政策外生育', 'birth outside the policy'],
  'objection.upheld': ['公示异议成立', 'objection upheld'],
  'rule.not_in_force': ['该年度无此政策', 'no rule in force that year'],
  'household.designated': ['确定为帮扶户', 'designated household'],
  'insured.only_child': ['0—6周岁独生子女', 'only child aged 0–6'],
  'insured.surgery_recipient': ['计划生育手术对象', 'surgery recipient'],
};

export function useReason() {
  const { locale } = useI18n();
  return (code: string) => {
    const r = REASONS[code];
    if (r) return locale === 'zh-CN' ? r[0] : r[1];
    const months = /^months\.(\d+)$/.exec(code);
    if (months) return locale === 'zh-CN' ? `${months[1]}个月` : `${months[1]} months`;
    const fact = /^fact\.missing\.(\w+)$/.exec(code);
    if (fact) return locale === 'zh-CN' ? `缺少证明：${fact[1]}` : `missing evidence: ${fact[1]}`;
    const scheme = /^scheme\.(\w+)$/.exec(code);
    if (scheme) return scheme[1];
    return code;
  };
}
