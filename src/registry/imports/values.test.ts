import { describe, expect, it } from 'vitest';
import {
  cellAt, cleanDigits, isPlausibleAddressCode, parseAreaCode, parseEthnicity, parseEventKind, parseHukouType,
  parseMaritalStatus, parseParity, parsePhone, parseSex,
} from './values.ts';

describe('cellAt', () => {
  const cells = ['a', ' b ', '\u3000c\u3000', '', '\u00a0d', '张三\u2002', '\ufeff汉族', '\t1\r'];
  it.each([[0, 'a'], [1, 'b'], [2, 'c'], [3, ''], [4, 'd'], [5, '张三'], [6, '汉族'], [7, '1'], [8, ''], [-1, '']])('cell %i → %s', (i, v) => {
    expect(cellAt(cells, i)).toBe(v);
  });
});

describe('cleanDigits', () => {
  it.each([
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ["'110105194912310021", '110105194912310021'],
    ['="110105194912310021"', '110105194912310021'],
    ['110105 1949 1231 002x', '110105194912310021'.slice(0, 17) + 'x'],
    ['0816-2345678', '08162345678'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanDigits(raw)).toBe(clean);
  });
});

describe('code lists', () => {
  it.each([
    ['男', 'M'], ['女', 'F'], ['1', 'M'], ['2', 'F'], ['M', 'M'], ['f', 'F'], ['男性', 'M'], ['Female', 'F'],
    ['男女', null], ['0', null], ['9', null], ['', null],
  ])('sex %s → %s', (v, code) => {
    expect(parseSex(v)).toBe(code);
  });

  it.each([
    ['汉族', '01'], ['汉', '01'], ['01', '01'], ['1', '01'], ['彝族', '07'], ['彝', '07'], ['56', '56'],
    ['基诺族', '56'], ['其他', '97'], ['外国血统中国籍人士', '98'], ['火星族', null], ['57', null], ['0', null],
  ])('ethnicity %s → %s', (v, code) => {
    expect(parseEthnicity(v)).toBe(code);
  });

  it.each([
    ['农业', 'rural'], ['农村', 'rural'], ['农业户口', 'rural'], ['非农业', 'urban'], ['城镇', 'urban'],
    ['城镇户口', 'urban'], ['urban', 'urban'], ['居民户口', null], ['农', null],
  ])('hukou type %s → %s', (v, code) => {
    expect(parseHukouType(v)).toBe(code);
  });

  it.each([
    ['未婚', '10'], ['初婚', '21'], ['再婚', '22'], ['复婚', '23'], ['离婚', '30'], ['丧偶', '40'], ['已婚', '20'],
    ['10', '10'], ['21', '21'], ['40', '40'], ['90', '90'], ['11', null], ['结婚', null],
  ])('marital status %s → %s', (v, code) => {
    expect(parseMaritalStatus(v)).toBe(code);
  });

  it.each([
    ['出生', 'birth'], ['死亡', 'death'], ['迁入', 'move_in'], ['迁出', 'move_out'], ['结婚', 'marriage'],
    ['离婚', 'divorce'], ['move_in', 'move_in'], ['BIRTH', 'birth'], ['居住地变更', null], ['residence_change', null],
    ['出', null],
  ])('event kind %s → %s', (v, code) => {
    expect(parseEventKind(v)).toBe(code);
  });

  it.each([
    ['1', 1], ['2', 2], ['12', 12], ['一孩', 1], ['二孩', 2], ['第3胎', 3], ['三', 3], ['第二孩', 2],
    ['0', null], ['21', null], ['1.5', null], ['多孩', null], ['100', null],
  ])('parity %s → %s', (v, n) => {
    expect(parseParity(v)).toBe(n);
  });
});

describe('area codes', () => {
  it.each([
    ['510703', '510703'], ['510703001', '510703001'], ['510703001001', '510703001001'],
    ['５１０７０３００１００１', '510703001001'], ['51070', null], ['5107030010', null], ['51070300100A', null],
    ['5107', null],
  ])('%s → %s', (v, code) => {
    expect(parseAreaCode(v)).toBe(code);
  });

  it.each([
    ['110105', true], ['510703001001', true], ['810000', true], ['990000', false], ['000000', false], ['200101', false],
  ])('%s plausible: %s', (code, ok) => {
    expect(isPlausibleAddressCode(code)).toBe(ok);
  });
});

describe('parsePhone', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['19912345678', '19912345678'],
    ['138 0000 0000', '13800000000'],
    ['+86 138-0000-0000', '13800000000'],
    ['8613800000000', '13800000000'],
    ['0816-2345678', '0816-2345678'],
    ['08162345678', '0816-2345678'],
    ['0816-23456789', '0816-23456789'],
    ['010-12345678', null], // Beijing numbers do not start with 1
    ['010-62345678', '010-62345678'],
    ['(028)85123456', '028-85123456'],
    ['12345678901', null], // 12x is not a mobile prefix
    ['1380000000', null],
    ['2345678', null], // no area code
    ['028-8512345', null], // 3-digit area codes go with 8-digit numbers
    ['0816-0345678', null],
    ['电话13800000000', null],
  ])('%s → %s', (v, phone) => {
    expect(parsePhone(v)).toBe(phone);
  });
});
