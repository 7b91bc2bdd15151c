import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number.ts';
import { PERSON_COLUMNS, type PersonColumn } from './column-specs.ts';
import { mapColumns } from './columns.ts';
import { validatePersonRow, type PersonImport } from './person-row.ts';
import type { RowContext } from './row-checks.ts';

const TODAY = '2025-06-01';
const AREAS = new Set(['510703', '510703001', '510703001001', '510703001002']);
const ctx: RowContext = { today: TODAY, isKnownArea: (c) => AREAS.has(c) };
const HEADERS = PERSON_COLUMNS.map((c) => c.zh);
const columns = mapColumns(HEADERS, 'persons');

const MOTHER = makeIdNumber('510703', '1955-03-03', 24); // even sequence: female
const FATHER = makeIdNumber('510703', '1953-04-04', 13); // odd: male
const SPOUSE = makeIdNumber('510703', '1981-05-05', 11);
const SELF = makeIdNumber('510703', '1980-03-01', 35); // male

const VALID: Record<PersonColumn, string> = {
  id_number: SELF, name: '张伟', sex: '男', birth_date: '1980-03-01', ethnicity: '汉族',
  hukou_area: '510703001001', residence_area: '510703001002', hukou_type: '农业', marital_status: '初婚',
  spouse_id_number: SPOUSE, mother_id_number: MOTHER, father_id_number: FATHER, death_date: '',
  phone: '13800000000',
};

function cells(overrides: Partial<Record<PersonColumn, string>> = {}): string[] {
  const row = { ...VALID, ...overrides };
  return PERSON_COLUMNS.map((c) => row[c.key]);
}

function reasonsOf(overrides: Partial<Record<PersonColumn, string>>, numeric?: number[]): string[] {
  const r = validatePersonRow(cells(overrides), columns, ctx, numeric);
  return r.ok ? [] : r.reasons;
}

describe('validatePersonRow: valid rows', () => {
  it('normalises every field', () => {
    const r = validatePersonRow(cells(), columns, ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        idNumber: SELF, name: '张伟', sex: 'M', birthDate: '1980-03-01', ethnicity: '01',
        hukouAreaCode: '510703001001', residenceAreaCode: '510703001002', hukouType: 'rural', maritalStatus: '21',
        spouseIdNumber: SPOUSE, motherIdNumber: MOTHER, fatherIdNumber: FATHER, deathDate: null, phone: '13800000000',
      } satisfies PersonImport,
    });
  });

  it('accepts the other spellings users write', () => {
    const id15 = '510703800301035';
    const r = validatePersonRow(
      cells({
        id_number: ` ${id15} `, sex: '1', birth_date: '1980/3/1', ethnicity: '1', residence_area: '', hukou_type: '城镇',
        marital_status: '21', spouse_id_number: SPOUSE.toLowerCase(), phone: '0816-2345678', death_date: '20240229',
      }),
      columns, ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      idNumber: makeIdNumber('510703', '1980-03-01', 35), sex: 'M', birthDate: '1980-03-01', ethnicity: '01',
      residenceAreaCode: '510703001001', hukouType: 'urban', maritalStatus: '21', phone: '0816-2345678',
      deathDate: '2024-02-29',
    });
  });

  it('leaves optional cells empty as null', () => {
    const r = validatePersonRow(
      cells({ ethnicity: '', hukou_type: '', marital_status: '', spouse_id_number: '', mother_id_number: '', father_id_number: '', phone: '' }),
      columns, ctx,
    );
    expect(r.ok && r.value).toMatchObject({ ethnicity: null, hukouType: null, maritalStatus: null, spouseIdNumber: null, motherIdNumber: null, fatherIdNumber: null, phone: null });
  });

  it('works with only the required columns present', () => {
    const few = mapColumns(['姓名', '公民身份号码', '性别', '出生日期', '户籍地'], 'persons');
    const r = validatePersonRow(['张伟', SELF, '男', '1980-03-01', '510703'], few, ctx);
    expect(r.ok && r.value).toMatchObject({ idNumber: SELF, hukouAreaCode: '510703', residenceAreaCode: '510703', phone: null });
  });

  it('accepts a newborn without an ID number', () => {
    const r = validatePersonRow(
      cells({ id_number: '', birth_date: '2023-06-02', marital_status: '', spouse_id_number: '' }), columns, ctx,
    );
    expect(r.ok && r.value.idNumber).toBeNull();
  });

  it('reads date cells that arrive as Excel serial numbers from xlsx', () => {
    const r = validatePersonRow(cells({ birth_date: '29281' }), columns, ctx, [3]);
    expect(r.ok && r.value.birthDate).toBe('1980-03-01');
  });
});

describe('validatePersonRow: reasons', () => {
  const cases: [string, Partial<Record<PersonColumn, string>>, string[]][] = [
    ['wrong check character', { id_number: SELF.slice(0, 17) + (SELF[17] === '0' ? '1' : '0') }, [expect.stringMatching(/^公民身份号码校验位错误（应为.）：/)]],
    ['birth date disagrees with the ID', { birth_date: '1980-03-02' }, ['出生日期与公民身份号码不一致（身份证为1980-03-01）']],
    ['sex disagrees with the ID', { sex: '女' }, ['性别与公民身份号码不一致（身份证为男）']],
    ['unknown hukou area', { hukou_area: '510799001001' }, ['户籍地代码不存在：510799001001']],
    ['malformed hukou area', { hukou_area: '51070300' }, ['户籍地代码格式错误：51070300（应为6、9或12位数字）']],
    ['unknown residence area', { residence_area: '510703009009' }, ['现居住地代码不存在：510703009009']],
    ['unknown ethnicity', { ethnicity: '火星族' }, ['民族无法识别：火星族']],
    ['unreadable sex', { sex: '男女' }, ['性别无法识别：男女（应为男/女或1/2）']],
    ['unreadable hukou type', { hukou_type: '居民户口' }, ['户口性质无法识别：居民户口（应为农业/非农业或农村/城镇）']],
    ['unreadable marital status', { marital_status: '同居' }, [expect.stringMatching(/^婚姻状况无法识别：同居（应为未婚/)]],
    ['impossible birth date', { id_number: '', birth_date: '2023-02-29' }, [expect.stringMatching(/^出生日期格式错误：2023-02-29（/)]],
    ['birth date in the future', { id_number: '', birth_date: '2025-06-02' }, ['出生日期晚于今天：2025-06-02']],
    ['no ID number for an adult', { id_number: '' }, [expect.stringMatching(/^公民身份号码不能为空（只有未满3周岁/)]],
    ['no ID number at exactly 3 years', { id_number: '', birth_date: '2022-06-01', marital_status: '', spouse_id_number: '', mother_id_number: '', father_id_number: '' }, [expect.stringMatching(/^公民身份号码不能为空/)]],
    ['empty name', { name: '' }, ['姓名不能为空']],
    ['name too long', { name: '张'.repeat(51) }, [expect.stringMatching(/^姓名过长（超过50个字）/)]],
    ['empty sex', { sex: '' }, ['性别不能为空']],
    ['empty birth date', { birth_date: '' }, ['出生日期不能为空']],
    ['empty hukou area', { hukou_area: '', residence_area: '' }, ['户籍地不能为空']],
    ['death before birth', { death_date: '1979-12-31' }, ['死亡日期（1979-12-31）早于出生日期（1980-03-01）']],
    ['death in the future', { death_date: '2025-06-02' }, ['死亡日期晚于今天：2025-06-02']],
    ['malformed death date', { death_date: '2024-13-01' }, [expect.stringMatching(/^死亡日期格式错误：2024-13-01/)]],
    ['bad phone', { phone: '12345' }, ['联系电话格式错误：12345（应为11位手机号码或带区号的固定电话）']],
    ['bad spouse ID', { spouse_id_number: '123' }, ['配偶身份号码格式错误：123（应为18位，或15位数字）']],
    ['spouse is oneself', { spouse_id_number: SELF }, [`配偶身份号码与本人公民身份号码相同：${SELF}`]],
    ['mother is a man', { mother_id_number: FATHER }, [`母亲身份号码对应的性别为男：${FATHER}`]],
    ['father is a woman', { father_id_number: MOTHER }, [`父亲身份号码对应的性别为女：${MOTHER}`]],
    ['mother younger than the child', { mother_id_number: makeIdNumber('510703', '1990-01-01', 2) }, ['母亲身份号码中的出生日期（1990-01-01）不早于本人出生日期（1980-03-01）']],
    ['father is oneself', { father_id_number: SELF }, [`父亲身份号码与本人公民身份号码相同：${SELF}`]],
    ['bad mother check character', { mother_id_number: MOTHER.slice(0, 17) + (MOTHER[17] === '1' ? '2' : '1') }, [expect.stringMatching(/^母亲身份号码校验位错误/)]],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(reasonsOf(overrides)).toEqual(expected);
  });

  it('lists every problem of a row, in column order', () => {
    expect(reasonsOf({ name: '', sex: 'x', hukou_area: '999999', phone: '1' })).toEqual([
      '姓名不能为空',
      '性别无法识别：x（应为男/女或1/2）',
      '户籍地代码不存在：999999',
      '联系电话格式错误：1（应为11位手机号码或带区号的固定电话）',
    ]);
  });

  it('asks for a text cell when an ID number arrived as a number from xlsx', () => {
    expect(reasonsOf({ id_number: '510703198003010000' }, [0])).toEqual([
      '公民身份号码应设置为文本格式：该单元格是数字格式，只保留15位有效数字，末几位已丢失（510703198003010000）',
    ]);
  });

  it('reports content beyond the header (an unquoted comma in CSV)', () => {
    const row = [...cells(), '成都', ''];
    const r = validatePersonRow(row, columns, ctx);
    expect(r.ok ? [] : r.reasons).toEqual([
      '本行有16列，多于表头的14列，多出的内容：成都（CSV 文件请检查字段中是否有未加引号的逗号）',
    ]);
    expect(validatePersonRow([...cells(), '', ' '], columns, ctx).ok).toBe(true);
  });
});
