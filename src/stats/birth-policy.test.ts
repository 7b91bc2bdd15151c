import { describe, expect, it } from 'vitest';
import { classifyBirth, policyAppliesWithin } from './birth-policy.ts';

describe('birth-policy rule sets', () => {
  it.each([
    ['1979-06-01', 1, 'not_applicable'], // before the first rule set
    ['1990-03-01', 1, 'compliant'],
    ['1990-03-01', 2, 'noncompliant'], // exceptions unknown: conservative
    ['2014-03-19', 2, 'noncompliant'],
    ['2014-03-20', 2, 'noncompliant'], // 单独二孩: parents' only-child status unknown
    ['2015-12-31', 2, 'noncompliant'],
    ['2016-01-01', 2, 'compliant'],
    ['2016-01-01', 3, 'noncompliant'],
    ['2021-05-30', 3, 'noncompliant'],
    ['2021-05-31', 3, 'compliant'],
    ['2021-05-31', 4, 'noncompliant'],
    ['2021-08-19', 3, 'compliant'],
    ['2021-08-20', 1, 'not_applicable'],
    ['2024-01-01', 5, 'not_applicable'],
    ['2018-01-01', null, 'unclassified'],
  ] as const)('a birth on %s of parity %s is %s', (date, parity, cls) => {
    expect(classifyBirth(date, parity)).toBe(cls);
  });

  it('applies to a period with any day under a rule set', () => {
    expect(policyAppliesWithin('2021-01-01', '2021-12-31')).toBe(true);
    expect(policyAppliesWithin('2021-08-20', '2021-12-31')).toBe(false);
    expect(policyAppliesWithin('2023-01-01', '2023-06-30')).toBe(false);
    expect(policyAppliesWithin('1970-01-01', '1979-12-31')).toBe(false);
  });
});
