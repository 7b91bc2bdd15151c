import { describe, expect, it } from 'vitest';
import { effective, jurisdictionChain, layersAt, splitFen, valueAt } from './params.ts';

const series = [
  { from: '2004-01-01', value: 600, reference: 'a' },
  { from: '2012-01-01', value: 960, reference: 'b' },
  { from: '2020-01-01', value: null, reference: 'ended' },
];

describe('dated parameters', () => {
  it.each([
    ['2003-12-31', null],
    ['2004-01-01', 600],
    ['2011-12-31', 600],
    ['2012-01-01', 960],
    ['2019-12-31', 960],
    ['2020-01-01', null],
  ])('on %s the value is %s', (date, want) => {
    expect(valueAt(series, date)?.value ?? null).toBe(want);
  });

  it('layers by area-code prefix, broadest first; the most specific wins', () => {
    expect(jurisdictionChain('510107001004')).toEqual(['CN', '51', '5101', '510107', '510107001', '510107001004']);
    const p = { CN: [{ from: '2008-01-01', value: 135, reference: 'n' }], '5101': [{ from: '2013-01-01', value: 350, reference: 'c' }] };
    expect(layersAt(p, '510107', '2013-01-01').map((l) => l.jurisdiction)).toEqual(['CN', '5101']);
    expect(effective(p, '510107', '2012-06-01')?.value).toBe(135);
    expect(effective(p, '510703', '2013-06-01')?.value).toBe(135);
    expect(effective(p, '510107', '2013-06-01')).toMatchObject({ value: 350, jurisdiction: '5101', reference: 'c' });
  });

  it('splits fen exactly by shares', () => {
    expect(splitFen(96000, { central: 80, provincial: 20 })).toEqual({ central: 76800, provincial: 19200 });
    const odd = splitFen(100, { central: 1, provincial: 1, county: 1 });
    expect(Object.values(odd).reduce((a, b) => a + b!, 0)).toBe(100);
    expect(splitFen(0, { county: 100 })).toEqual({});
  });
});
