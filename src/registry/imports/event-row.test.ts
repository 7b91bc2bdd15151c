import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number.ts';
import { EVENT_COLUMNS, type EventColumn } from './column-specs.ts';
import { mapColumns } from './columns.ts';
import { validateEventRow } from './event-row.ts';
import type { RowContext } from './row-checks.ts';

const TODAY = '2025-06-01';
const AREAS = new Set(['510703', '510703001001', '510703001008']);
const ctx: RowContext = { today: TODAY, isKnownArea: (c) => AREAS.has(c) };
const columns = mapColumns(EVENT_COLUMNS.map((c) => c.zh), 'events');

const MOTHER = makeIdNumber('510703', '1990-01-01', 2);
const FATHER = makeIdNumber('510703', '1988-01-01', 1);
const PERSON = makeIdNumber('510703', '1960-07-07', 21); // male
const CHILD = makeIdNumber('510703', '2024-05-06', 4); // female

type Row = Partial<Record<EventColumn, string>>;
const cells = (row: Row) => EVENT_COLUMNS.map((c) => row[c.key] ?? '');
const reasonsOf = (row: Row, numeric?: number[]) => {
  const r = validateEventRow(cells(row), columns, ctx, numeric);
  return r.ok ? [] : r.reasons;
};

const BIRTH: Row = { kind: '出生', name: '王小明', sex: '女', date: '2024-05-06', area: '510703001001', mother_id_number: MOTHER, father_id_number: FATHER, parity: '2' };

describe('validateEventRow: valid rows of each kind', () => {
  it.each([
    ['birth without an ID number', BIRTH, { kind: 'birth', idNumber: null, name: '王小明', sex: 'F', date: '2024-05-06', areaCode: '510703001001', fromAreaCode: null, motherIdNumber: MOTHER, fatherIdNumber: FATHER, parity: 2, spouseIdNumber: null }],
    ['birth with an ID number', { ...BIRTH, id_number: CHILD, parity: '一孩' }, { kind: 'birth', idNumber: CHILD, parity: 1 }],
    ['death', { kind: '死亡', id_number: PERSON, date: '2024/1/5', area: '510703001001' }, { kind: 'death', idNumber: PERSON, name: null, sex: null, date: '2024-01-05', motherIdNumber: null }],
    ['move in from another province', { kind: '迁入', id_number: PERSON, name: '张三', sex: '男', date: '20240601', area: '510703001008', from_area: '110105' }, { kind: 'move_in', fromAreaCode: '110105', name: '张三', sex: 'M' }],
    ['move out', { kind: 'move_out', id_number: PERSON, date: '2023-03-01', area: '510703' }, { kind: 'move_out', areaCode: '510703' }],
    ['marriage', { kind: '结婚', id_number: PERSON, date: '2015-05-01', area: '510703001001', spouse_id_number: MOTHER }, { kind: 'marriage', spouseIdNumber: MOTHER }],
    ['divorce', { kind: '离婚', id_number: MOTHER, date: '2020-05-01', area: '510703001001', spouse_id_number: PERSON }, { kind: 'divorce', idNumber: MOTHER, spouseIdNumber: PERSON }],
  ] as const)('%s', (_name, row, expected) => {
    const r = validateEventRow(cells(row), columns, ctx);
    expect(r.ok ? [] : r.reasons).toEqual([]);
    expect(r.ok && r.value).toMatchObject(expected);
  });

  it('reads an event date given as an Excel serial number in xlsx', () => {
    const r = validateEventRow(cells({ ...BIRTH, date: '45418' }), columns, ctx, [4]);
    expect(r.ok && r.value.date).toBe('2024-05-06');
  });
});

describe('validateEventRow: reasons', () => {
  const cases: [string, Row, unknown[]][] = [
    ['empty kind', { ...BIRTH, kind: '' }, ['变动类型不能为空']],
    ['unknown kind', { ...BIRTH, kind: '居住地变更' }, ['变动类型无法识别：居住地变更（应为出生、死亡、迁入、迁出、结婚、离婚）']],
    ['birth without name', { ...BIRTH, name: '' }, ['姓名不能为空（出生登记必填）']],
    ['birth without sex', { ...BIRTH, sex: '' }, ['性别不能为空（出生登记必填）']],
    ['birth without mother', { ...BIRTH, mother_id_number: '' }, ['母亲身份号码不能为空（出生登记必填）']],
    ['birth: mother is a man', { ...BIRTH, mother_id_number: FATHER }, [`母亲身份号码对应的性别为男：${FATHER}`]],
    ['birth: mother born after the child', { ...BIRTH, date: '1985-01-01' }, ['母亲身份号码中的出生日期（1990-01-01）不早于本人出生日期（1985-01-01）', '父亲身份号码中的出生日期（1988-01-01）不早于本人出生日期（1985-01-01）']],
    ['birth: date disagrees with the ID', { ...BIRTH, id_number: CHILD, date: '2024-05-07' }, ['变动日期（出生日期）与公民身份号码不一致（身份证为2024-05-06）']],
    ['birth: sex disagrees with the ID', { ...BIRTH, id_number: CHILD, sex: '男' }, ['性别与公民身份号码不一致（身份证为女）']],
    ['bad parity', { ...BIRTH, parity: '0' }, ['孩次应为1到20之间的整数：0']],
    ['death without ID number', { kind: '死亡', date: '2024-01-05', area: '510703001001' }, ['公民身份号码不能为空（出生以外的变动必填）']],
    ['event before the birth in the ID', { kind: '死亡', id_number: PERSON, date: '1960-07-06', area: '510703001001' }, ['变动日期（1960-07-06）早于本人出生日期（身份证为1960-07-07）']],
    ['future date', { kind: '死亡', id_number: PERSON, date: '2025-06-02', area: '510703001001' }, ['变动日期晚于今天：2025-06-02']],
    ['empty date', { kind: '死亡', id_number: PERSON, area: '510703001001' }, ['变动日期不能为空']],
    ['impossible date', { kind: '死亡', id_number: PERSON, date: '2023-02-29', area: '510703001001' }, [expect.stringMatching(/^变动日期格式错误：2023-02-29/)]],
    ['empty area', { kind: '死亡', id_number: PERSON, date: '2024-01-05' }, ['地区不能为空']],
    ['unknown area', { kind: '死亡', id_number: PERSON, date: '2024-01-05', area: '510703001009' }, ['地区代码不存在：510703001009']],
    ['move in without origin', { kind: '迁入', id_number: PERSON, date: '2024-06-01', area: '510703001008' }, ['迁出地不能为空（迁入必填）']],
    ['move in from a malformed origin', { kind: '迁入', id_number: PERSON, date: '2024-06-01', area: '510703001008', from_area: '11010' }, ['迁出地代码格式错误：11010（应为6、9或12位数字）']],
    ['move in from an impossible origin', { kind: '迁入', id_number: PERSON, date: '2024-06-01', area: '510703001008', from_area: '990101' }, ['迁出地代码无效：990101（前两位不是省级行政区划代码）']],
    ['marriage without spouse', { kind: '结婚', id_number: PERSON, date: '2015-05-01', area: '510703001001' }, ['配偶身份号码不能为空（结婚必填）']],
    ['divorce without spouse', { kind: '离婚', id_number: PERSON, date: '2015-05-01', area: '510703001001' }, ['配偶身份号码不能为空（离婚必填）']],
    ['marriage to oneself', { kind: '结婚', id_number: PERSON, date: '2015-05-01', area: '510703001001', spouse_id_number: PERSON }, [`配偶身份号码与本人公民身份号码相同：${PERSON}`]],
    ['bad ID number', { kind: '迁出', id_number: '51070319600707002', date: '2023-03-01', area: '510703' }, ['公民身份号码格式错误：51070319600707002（应为18位，或15位数字）']],
  ];
  it.each(cases)('%s', (_name, row, expected) => {
    expect(reasonsOf(row)).toEqual(expected);
  });

  it('asks for a text cell when the person ID arrived as a number from xlsx', () => {
    expect(reasonsOf({ kind: '死亡', id_number: '510703196007070000', date: '2024-01-05', area: '510703' }, [1])).toEqual([
      '公民身份号码应设置为文本格式：该单元格是数字格式，只保留15位有效数字，末几位已丢失（510703196007070000）',
    ]);
  });
});
