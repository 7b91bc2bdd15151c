import { describe, expect, it } from 'vitest';
import { indicatorPhrase, type PhraseInput } from './phrases.ts';
import { assess, rankAreas } from './targets.ts';
import type { Direction, Unit } from './definitions.ts';

const phrase = (name: string, unit: Unit, decimals: number, direction: Direction, value: number | null, target?: number) =>
  indicatorPhrase({ name, unit, decimals, direction, value, target: target === undefined ? null : assess(value, target, direction, unit, decimals) } as PhraseInput);

describe('target phrases', () => {
  it.each([
    // the source documents' own sentences
    ['符合政策生育率', 'percent', 2, 'higher', 90.46, 85, '符合政策生育率为90.46%，超目标任务5.46个百分点'],
    ['人口自然增长率', 'permille', 2, 'lower', 1.96, 3, '人口自然增长率控制在1.96‰以内，超目标任务1.04个千分点'],
    ['出生人数', 'count', 0, 'count', 2050, 1000, '出生人数2050人，完成目标任务的205%'],
    // not met
    ['符合政策生育率', 'percent', 2, 'higher', 80.5, 85, '符合政策生育率为80.50%，低于目标任务4.50个百分点，未完成目标任务'],
    ['人口自然增长率', 'permille', 2, 'lower', 3.5, 3, '人口自然增长率为3.50‰，高于目标任务0.50个千分点，未完成目标任务'],
    ['出生人数', 'count', 0, 'count', 900, 1000, '出生人数900人，完成目标任务的90%，未完成目标任务'],
    // exactly on target
    ['孕前优生健康检查目标人群覆盖率', 'percent', 2, 'higher', 80, 80, '孕前优生健康检查目标人群覆盖率为80.00%，完成目标任务'],
    ['出生率', 'permille', 2, 'lower', 4, 4, '出生率控制在4.00‰以内，完成目标任务'],
    // no target, no data
    ['出生率', 'permille', 2, 'lower', 4.83, undefined, '出生率为4.83‰'],
    ['资金发放率', 'percent', 2, 'higher', null, 100, '资金发放率暂无数据'],
  ] as const)('%s %s → %s', (name, unit, decimals, direction, value, target, expected) => {
    expect(phrase(name, unit, decimals, direction, value, target)).toBe(expected);
  });
});

describe('assessment against targets', () => {
  it('lights green when met, yellow within 10 % of the target, red beyond', () => {
    expect(assess(90.46, 85, 'higher', 'percent', 2)).toMatchObject({ met: true, light: 'green', gap: 5.46, gapUnit: '百分点' });
    expect(assess(80, 85, 'higher', 'percent', 2)).toMatchObject({ met: false, light: 'yellow', gap: -5 });
    expect(assess(70, 85, 'higher', 'percent', 2)).toMatchObject({ met: false, light: 'red', gap: -15 });
    expect(assess(1.96, 3, 'lower', 'permille', 2)).toMatchObject({ met: true, light: 'green', gap: 1.04, gapUnit: '千分点' });
    expect(assess(3.2, 3, 'lower', 'permille', 2)).toMatchObject({ met: false, light: 'yellow', gap: -0.2 });
    expect(assess(2050, 1000, 'count', 'count', 0)).toMatchObject({ met: true, light: 'green', completion: 205, gapUnit: '%' });
    expect(assess(850, 1000, 'count', 'count', 0)).toMatchObject({ met: false, light: 'red', completion: 85 });
    expect(assess(null, 1000, 'count', 'count', 0)).toMatchObject({ met: null, light: 'none' });
  });

  it('ranks child areas by direction, ties sharing a rank, no value no rank', () => {
    const values = [{ area: 'a', value: 3.1 }, { area: 'b', value: 1.2 }, { area: 'c', value: null }, { area: 'd', value: 3.1 }];
    expect(Object.fromEntries(rankAreas(values, 'lower'))).toEqual({ b: 1, a: 2, d: 2 });
    expect(Object.fromEntries(rankAreas(values, 'higher'))).toEqual({ a: 1, d: 1, b: 3 });
  });
});
