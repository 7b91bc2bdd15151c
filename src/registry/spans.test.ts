import { describe, expect, it } from 'vitest';
import { deriveState, isMigrantPair, type SpanEvent } from './spans.ts';

const V1 = '510703001001'; // 涪城区 village
const V2 = '510703002001'; // another township of 涪城区
const V3 = '510722001001'; // 三台县
const OUTSIDE = '110105001001';
const local = (c: string) => c.startsWith('51');
const ev = (kind: SpanEvent['kind'], date: string, areaCode: string, fromAreaCode: string | null = null): SpanEvent => ({ kind, date, areaCode, fromAreaCode });
const base = { birthDate: '1980-03-01', hukouAreaCode: V1, residenceAreaCode: V1, isLocalArea: local };

describe('deriveState', () => {
  it('registers a person without events from birth in the recorded area', () => {
    const s = deriveState({ ...base, events: [] });
    expect(s.spans).toEqual([{ startDate: '1980-03-01', endDate: null, hukouAreaCode: V1, residenceAreaCode: V1 }]);
    expect(s.status).toBe('alive');
    expect(s.isMigrant).toBe(false);
  });

  it('keeps the recorded residence for the current period and flags a migrant', () => {
    const s = deriveState({ ...base, residenceAreaCode: V3, events: [] });
    expect(s.spans).toEqual([{ startDate: '1980-03-01', endDate: null, hukouAreaCode: V1, residenceAreaCode: V3 }]);
    expect(s.isMigrant).toBe(true);
  });

  it('opens at the birth event and closes on death', () => {
    const s = deriveState({ ...base, birthDate: '2020-05-01', events: [ev('death', '2020-05-03', V1), ev('birth', '2020-05-01', V1)] });
    expect(s.spans).toEqual([{ startDate: '2020-05-01', endDate: '2020-05-03', hukouAreaCode: V1, residenceAreaCode: V1 }]);
    expect(s.status).toBe('dead');
    expect(s.deathDate).toBe('2020-05-03');
  });

  it('a newborn dying on the day of birth has an empty span but still dies', () => {
    const s = deriveState({ ...base, birthDate: '2020-05-01', events: [ev('death', '2020-05-01', V1), ev('birth', '2020-05-01', V1)] });
    expect(s.spans).toEqual([]);
    expect(s.status).toBe('dead');
  });

  it('a move in from outside starts the registration at the move', () => {
    const s = deriveState({ ...base, hukouAreaCode: V2, residenceAreaCode: V2, events: [ev('move_in', '2015-07-01', V2, OUTSIDE)] });
    expect(s.spans).toEqual([{ startDate: '2015-07-01', endDate: null, hukouAreaCode: V2, residenceAreaCode: V2 }]);
  });

  it('a move between our areas closes the old span and opens the new one on the same day', () => {
    const s = deriveState({ ...base, hukouAreaCode: V3, residenceAreaCode: V3, events: [ev('move_in', '2015-07-01', V3, V1)] });
    expect(s.spans).toEqual([
      { startDate: '1980-03-01', endDate: '2015-07-01', hukouAreaCode: V1, residenceAreaCode: V1 },
      { startDate: '2015-07-01', endDate: null, hukouAreaCode: V3, residenceAreaCode: V3 },
    ]);
    expect(s.hukouAreaCode).toBe(V3);
  });

  it('moving out ends the registration and keeps the last known area', () => {
    const s = deriveState({ ...base, events: [ev('move_out', '2019-01-10', V1)] });
    expect(s.spans).toEqual([{ startDate: '1980-03-01', endDate: '2019-01-10', hukouAreaCode: V1, residenceAreaCode: V1 }]);
    expect(s.status).toBe('moved_out');
    expect(s.hukouAreaCode).toBe(V1);
  });

  it('residence changes split the span without touching the hukou', () => {
    const s = deriveState({ ...base, events: [ev('residence_change', '2018-03-01', V3), ev('residence_change', '2021-03-01', V1)] });
    expect(s.spans.map((x) => [x.startDate, x.endDate, x.residenceAreaCode])).toEqual([
      ['1980-03-01', '2018-03-01', V1],
      ['2018-03-01', '2021-03-01', V3],
      ['2021-03-01', null, V1],
    ]);
    expect(s.spans.every((x) => x.hukouAreaCode === V1)).toBe(true);
    expect(s.isMigrant).toBe(false);
  });

  it('a migrant keeps living elsewhere when the hukou moves within our areas', () => {
    const s = deriveState({ ...base, hukouAreaCode: V2, events: [ev('residence_change', '2010-01-01', V3), ev('move_in', '2016-01-01', V2, V1)] });
    expect(s.spans.at(-1)).toEqual({ startDate: '2016-01-01', endDate: null, hukouAreaCode: V2, residenceAreaCode: V3 });
    expect(s.isMigrant).toBe(true);
  });

  it('marriage and divorce do not split spans', () => {
    const s = deriveState({ ...base, events: [ev('marriage', '2005-01-01', V1), ev('divorce', '2010-01-01', V1)] });
    expect(s.spans).toHaveLength(1);
  });

  it('ignores events after death', () => {
    const s = deriveState({ ...base, events: [ev('death', '2020-01-01', V1), ev('residence_change', '2021-01-01', V3)] });
    expect(s.spans).toHaveLength(1);
    expect(s.status).toBe('dead');
  });
});

describe('isMigrantPair', () => {
  it.each([
    [V1, '510703001002', false],
    [V1, V2, true],
    [V1, V3, true],
    ['510703', '510703001001', false],
    ['510703', '510722', true],
  ])('%s / %s → %s', (h, r, expected) => expect(isMigrantPair(h, r)).toBe(expected));
});
