import type { Translate } from '../../app/i18n';
import type { IndicatorInfo, IndicatorValue } from './stats.api';

const SIGN = { percent: '%', permille: '‰', ratio: '', count: '' } as const;

export function formatValue(v: IndicatorValue | undefined, ind: IndicatorInfo, t: Translate): string {
  if (!v) return '';
  if (v.value === null) return t(`stats.reason.${v.reason ?? 'no_data'}` as 'stats.reason.no_data');
  return `${v.value.toFixed(ind.decimals)}${SIGN[ind.unit]}`;
}

export function formatCount(x: number | null): string {
  if (x === null) return '—';
  return Number.isInteger(x) ? x.toLocaleString('zh-CN') : x.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
}

export const indicatorName = (ind: { name: { zh: string; en: string } }, locale: string) => (locale === 'en-US' ? ind.name.en : ind.name.zh);
