import { describe, expect, it } from 'vitest';
import { areaRange, nextCode } from './area-range.ts';

const inRange = (code: string, scope: string) => {
  const { lo, hi } = areaRange(scope);
  return code >= lo && code < hi;
};

describe('area ranges', () => {
  it.each([
    ['510703', '510704'],
    ['510799', '5108'],
    ['5199', '52'],
    ['510703001009', '51070300101'],
    ['99', '9999999999999'],
  ])('the range of %s ends before %s', (code, next) => {
    expect(nextCode(code)).toBe(next);
  });

  it('holds the subtree and nothing else, whatever the digits', () => {
    for (const scope of ['510799', '510703', '5107', '510703001', '5199', '']) {
      for (const code of ['5107', '5108', '51080', '510799', '510799001', '510799001001', '510800000000', '510703', '510703001001', '510704', '5199', '519901', '52', '11']) {
        expect(inRange(code, scope), `${code} in ${scope || '(all)'}`).toBe(code.startsWith(scope));
      }
    }
  });
});
