import { describe, expect, it } from 'vitest';
import { copyValue } from './pg-copy.ts';

describe('copyValue (COPY text format)', () => {
  it('writes NULL as \\N and numbers and booleans as PostgreSQL reads them', () => {
    expect([null, undefined, 0, 12, -3.5, true, false].map(copyValue)).toEqual(['\\N', '\\N', '0', '12', '-3.5', 't', 'f']);
  });
  it('escapes the characters the format gives a meaning to, and nothing else', () => {
    expect(copyValue('张三')).toBe('张三');
    expect(copyValue('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyValue('\\N')).toBe('\\\\N'); // the text "\N", not NULL
  });
  it('refuses values it has no text form for', () => {
    expect(() => copyValue({ a: 1 })).toThrow(/object/);
  });
});
