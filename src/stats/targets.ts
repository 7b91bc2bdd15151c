// Indicators against yearly targets: met or not, the traffic light, the gap in the indicator's
// own unit (百分点 for %, 千分点 for ‰, completion % for count tasks) and rankings. Pure.
import type { Direction, Unit } from './definitions.ts';

export type Light = 'green' | 'yellow' | 'red' | 'none';

export interface Assessment {
  target: number;
  direction: Direction;
  met: boolean | null;
  light: Light;
  /** How far beyond (positive) or short of (negative) the target, in the indicator's unit. */
  gap: number | null;
  /** 百分点 / 千分点 / '' (counts and ratios use the plain number). */
  gapUnit: string;
  /** value / target × 100, for count tasks. */
  completion: number | null;
}

/** Not met but within this share of the target: yellow rather than red. */
export const YELLOW_TOLERANCE = 0.1;

export const GAP_UNIT: Record<Unit, string> = { percent: '百分点', permille: '千分点', ratio: '', count: '' };

const round = (x: number, decimals: number) => Math.round((x + Number.EPSILON * Math.sign(x)) * 10 ** decimals) / 10 ** decimals;

export function assess(value: number | null, target: number, direction: Direction, unit: Unit, decimals: number): Assessment {
  const base: Assessment = { target, direction, met: null, light: 'none', gap: null, gapUnit: direction === 'count' ? '%' : GAP_UNIT[unit], completion: null };
  if (value === null) return base;
  if (direction === 'count') {
    const completion = target > 0 ? round((value / target) * 100, 0) : null;
    const met = value >= target;
    const light: Light = met ? 'green' : value >= target * (1 - YELLOW_TOLERANCE) ? 'yellow' : 'red';
    return { ...base, met, light, completion, gap: round(value - target, decimals) };
  }
  const gap = round(direction === 'higher' ? value - target : target - value, decimals);
  const met = gap >= 0;
  const light: Light = met ? 'green' : Math.abs(gap) <= Math.abs(target) * YELLOW_TOLERANCE ? 'yellow' : 'red';
  return { ...base, met, light, gap };
}

/** Ranks of the areas for one indicator (1 = best); areas without a value get no rank. */
export function rankAreas(values: { area: string; value: number | null }[], direction: Direction): Map<string, number> {
  const withValue = values.filter((v): v is { area: string; value: number } => v.value !== null);
  withValue.sort((a, b) => (direction === 'lower' ? a.value - b.value : b.value - a.value));
  const ranks = new Map<string, number>();
  withValue.forEach((v, i) => {
    const prev = withValue[i - 1];
    ranks.set(v.area, prev && prev.value === v.value ? ranks.get(prev.area)! : i + 1);
  });
  return ranks;
}
