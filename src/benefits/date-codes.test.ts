import { describe, expect, it } from 'vitest';
import { DateCodes } from './date-codes.ts';

describe('DateCodes', () => {
  it('gives back every text exactly, and its year as the text reads', () => {
    const d = new DateCodes();
    const texts = ['1960-03-01', '2026-12-31', '0999-01-09', '0000-00-00', '1960-3-1', '1960/03/01', '', '19600301xx', '196a-03-01', '2026-01-01'];
    const codes = texts.map((t) => d.code(t));
    expect(codes.map((c) => d.text(c))).toEqual(texts);
    expect(codes.map((c) => d.year(c))).toEqual(texts.map((t) => Number(t.slice(0, 4))));
    expect(d.code(null)).toBe(-1);
    expect(d.text(-1)).toBeNull();
    expect(d.code('1960/03/01')).toBe(codes[5]);
  });

  it('orders YYYY-MM-DD dates as their texts do', () => {
    const d = new DateCodes();
    const texts = ['2025-12-31', '2026-01-01', '2026-01-02', '1999-10-01', '2026-10-01'];
    for (const a of texts) for (const b of texts) expect(d.code(a) < d.code(b)).toBe(a < b);
  });
});
