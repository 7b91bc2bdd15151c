import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseFlexibleDate, todayInShanghai } from './dates.ts';

describe('parseFlexibleDate', () => {
  const cases: [unknown, string | null][] = [
    // strings in the accepted shapes
    ['1980-03-01', '1980-03-01'],
    [' 1980-03-01 ', '1980-03-01'],
    ['\u30001980-03-01\u3000', '1980-03-01'],
    ['1980年3月1日\u00a0', '1980-03-01'],
    ['1980/3/1', '1980-03-01'],
    ['1980/03/01', '1980-03-01'],
    ['1980-3-1', '1980-03-01'],
    ['1980.3.1', '1980-03-01'],
    ['19800301', '1980-03-01'],
    ['1980年3月1日', '1980-03-01'],
    ['1980年03月01日', '1980-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1980-03-01 00:00:00', '1980-03-01'],
    ['1980/3/1 0:00', '1980-03-01'],
    ['1980-03-01T08:30:00.000', '1980-03-01'],
    // impossible or malformed
    ['2023-02-29', null],
    ['1900-02-29', null],
    ['1980-13-01', null],
    ['1980-00-10', null],
    ['1980-04-31', null],
    ['1980-04-00', null],
    ['19801301', null],
    ['1980/3/1/2', null],
    ['1980-3/1', null],
    ['1980-03-01Z', null],
    ['1980-03-01T00:00:00Z', null], // a zone makes the calendar date ambiguous
    ['1980-03-01 abc', null],
    ['1980-003-01', null],
    ['80-3-1', null],
    ['0999-01-01', null],
    ['abcd-ef-gh', null],
    ['29281', null], // a numeric string is never an Excel serial
    ['', null],
    ['   ', null],
    // Date objects: UTC calendar date
    [new Date(Date.UTC(1980, 2, 1)), '1980-03-01'],
    [new Date(Date.UTC(1980, 2, 1, 23, 59)), '1980-03-01'],
    [new Date(Number.NaN), null],
    // numbers: YYYYMMDD or Excel serial
    [19800301, '1980-03-01'],
    [20230229, null],
    [29281, '1980-03-01'],
    [29281.75, '1980-03-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, null],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
    [2958465, '9999-12-31'],
    [2958466, null],
    [0, null],
    [-5, null],
    [Number.NaN, null],
    // anything else
    [null, null],
    [undefined, null],
    [true, null],
    [{}, null],
  ];
  it.each(cases)('%o → %o', (input, expected) => {
    expect(parseFlexibleDate(input)).toBe(expected);
  });
});

describe('excelSerialToDate', () => {
  it('agrees with the 1900 date system on known dates', () => {
    expect(excelSerialToDate(36526)).toBe('2000-01-01');
    expect(excelSerialToDate(44197)).toBe('2021-01-01');
  });
});

describe('todayInShanghai', () => {
  const cases: [string, string][] = [
    ['2024-03-01T15:59:59.999Z', '2024-03-01'],
    ['2024-03-01T16:00:00.000Z', '2024-03-02'], // midnight in Shanghai
    ['2023-12-31T16:00:00.000Z', '2024-01-01'],
    ['2024-02-28T20:00:00.000Z', '2024-02-29'],
    ['2024-07-01T00:00:00.000Z', '2024-07-01'],
  ];
  it.each(cases)('%s → %s', (instant, expected) => {
    expect(todayInShanghai(new Date(instant))).toBe(expected);
  });

  it('defaults to now', () => {
    expect(todayInShanghai()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
