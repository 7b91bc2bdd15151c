import { describe, expect, it } from 'vitest';
import { makeIdNumber, parseIdNumber } from '../id-number.ts';
import { checkIdCell } from './id-field.ts';

const TODAY = '2025-06-01';

function check(raw: string, numeric = false) {
  const reasons: string[] = [];
  const result = checkIdCell(raw, '公民身份号码', TODAY, reasons, numeric);
  return { result, reasons };
}

describe('checkIdCell', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'F'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'F'],
    ['110105491231002', '11010519491231002X', '1949-12-31', 'F'], // 15 digits upgraded
    ['110105491231001', '110105194912310011', '1949-12-31', 'M'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', '1949-12-31', 'F'],
    ["'11010519491231002X", '11010519491231002X', '1949-12-31', 'F'],
    ['="11010519491231002X"', '11010519491231002X', '1949-12-31', 'F'],
    ['110105 19491231 002X', '11010519491231002X', '1949-12-31', 'F'],
    ['１１０１０５４９１２３１００２', '11010519491231002X', '1949-12-31', 'F'],
  ])('%s is valid', (raw, id, birthDate, sex) => {
    expect(check(raw)).toEqual({ result: { id, birthDate, sex }, reasons: [] });
  });

  it.each([
    ['110105194912310021', '公民身份号码校验位错误（应为X）：110105194912310021'],
    ['11010519491231002', '公民身份号码格式错误：11010519491231002（应为18位，或15位数字）'],
    ['1101051949123100211', '公民身份号码格式错误：1101051949123100211（应为18位，或15位数字）'],
    ['11010519491231002Y', '公民身份号码格式错误：11010519491231002Y（应为18位，或15位数字）'],
    ['1.10105E+17', '公民身份号码应设置为文本格式：已被 Excel 显示为科学计数法（1.10105E+17），末几位已丢失'],
    ['110105202302290011', '公民身份号码中的出生日期无效：110105202302290011'],
    ['110105198013010011', '公民身份号码中的出生日期无效：110105198013010011'],
    ['110105184912310011', '公民身份号码中的出生日期无效：110105184912310011'],
    ['110105203001010011', '公民身份号码中的出生日期晚于今天：110105203001010011'],
    ['110105491331002', '公民身份号码中的出生日期无效：110105491331002'],
  ])('%s → %s', (raw, reason) => {
    expect(check(raw)).toEqual({ result: null, reasons: [reason] });
  });

  it('says a long number typed into a number cell lost its last digits', () => {
    expect(check('110105194912310000', true).reasons).toEqual([
      '公民身份号码应设置为文本格式：该单元格是数字格式，只保留15位有效数字，末几位已丢失（110105194912310000）',
    ]);
    // 15 digits fit in a number exactly.
    expect(check('110105491231002', true).result?.id).toBe('11010519491231002X');
  });

  it('names the column it checks', () => {
    const reasons: string[] = [];
    checkIdCell('123', '母亲身份号码', TODAY, reasons);
    expect(reasons).toEqual(['母亲身份号码格式错误：123（应为18位，或15位数字）']);
  });

  it('agrees with parseIdNumber on many generated and mutated numbers', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      const y = 1840 + rnd(200);
      const date = `${y}-${String(1 + rnd(13)).padStart(2, '0')}-${String(1 + rnd(31)).padStart(2, '0')}`;
      let id = `510703${date.replaceAll('-', '')}${String(rnd(1000)).padStart(3, '0')}`;
      id = rnd(4) === 0 ? id + 'X' : makeIdNumber('510703', date, rnd(1000));
      if (rnd(3) === 0) id = id.slice(0, 17) + '0123456789X'[rnd(11)];
      const reference = parseIdNumber(id, TODAY);
      const mine = check(id);
      expect(mine.result !== null, id).toBe(reference.ok);
      if (reference.ok) expect(mine.result).toEqual({ id: reference.info.idNumber, birthDate: reference.info.birthDate, sex: reference.info.sex });
    }
  });
});
