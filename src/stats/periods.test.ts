import { describe, expect, it } from 'vitest';
import { annualisationFactor, monthsOf, parsePeriod } from './periods.ts';

describe('periods', () => {
  it.each([
    ['2023', '2023-01-01', '2023-12-31', '2023年', 365],
    ['2024', '2024-01-01', '2024-12-31', '2024年', 366],
    ['2023S1', '2023-01-01', '2023-06-30', '2023年上半年', 181],
    ['2023s2', '2023-07-01', '2023-12-31', '2023年下半年', 184],
    ['2023Q1', '2023-01-01', '2023-03-31', '2023年第一季度', 90],
    ['2024Q1', '2024-01-01', '2024-03-31', '2024年第一季度', 91],
    ['2023Q4', '2023-10-01', '2023-12-31', '2023年第四季度', 92],
    ['202301', '2023-01-01', '2023-01-31', '2023年1月', 31],
    ['202402', '2024-02-01', '2024-02-29', '2024年2月', 29],
    ['2023FP', '2022-10-01', '2023-09-30', '2023计生年度', 365],
    ['2023-03-05..2023-03-05', '2023-03-05', '2023-03-05', '2023年3月5日至2023年3月5日', 1],
  ])('%s is %s..%s (%s, %d days)', (code, from, to, label, days) => {
    const p = parsePeriod(code)!;
    expect(p).toMatchObject({ from, to, labelZh: label, days });
  });

  it.each(['', '23', '2023S3', '2023Q5', '202313', '202300', '2023-02-30..2023-03-01', '2023-03-02..2023-03-01', '2023H1', 'x2023'])('refuses %j', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });

  it('annualises sub-annual periods only', () => {
    expect(annualisationFactor(parsePeriod('2023')!)).toBe(1);
    expect(annualisationFactor(parsePeriod('2023FP')!)).toBe(1);
    expect(annualisationFactor(parsePeriod('2023S1')!)).toBeCloseTo(365 / 181, 12);
    expect(annualisationFactor(parsePeriod('202302')!)).toBeCloseTo(365 / 28, 12);
  });

  it('lists the months a period touches', () => {
    expect(monthsOf(parsePeriod('2023FP')!)).toHaveLength(12);
    expect(monthsOf(parsePeriod('2023FP')!)[0]).toBe('2022-10');
    expect(monthsOf(parsePeriod('2023-01-31..2023-02-01')!)).toEqual(['2023-01', '2023-02']);
  });
});
