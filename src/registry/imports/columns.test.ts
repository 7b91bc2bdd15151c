import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, PERSON_COLUMNS } from './column-specs.ts';
import { columnLetter, describeUnknownColumns, headerKey, mapColumns } from './columns.ts';
import { ImportFileError } from './types.ts';

const PERSON_ZH = PERSON_COLUMNS.map((c) => c.zh);
const PERSON_EN = PERSON_COLUMNS.map((c) => c.key);

describe('headerKey', () => {
  it.each([
    ['公民身份号码', '公民身份号码'],
    [' 公民身份 号码\u3000', '公民身份号码'],
    ['*姓名', '姓名'],
    ['姓名＊', '姓名'],
    ['性别（男/女）', '性别'],
    ['出生日期(YYYY-MM-DD)', '出生日期'],
    ['*性别（必填）', '性别'],
    ['ID_Number', 'id_number'],
    ['ID Number', 'id_number'],
    ['birth-date', 'birth_date'],
    ['\ufeffid_number', 'id_number'],
  ])('%s → %s', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe('mapColumns', () => {
  it('maps canonical Chinese headers in any order', () => {
    const headers = [...PERSON_ZH].reverse();
    const m = mapColumns(headers, 'persons');
    expect(m.problem).toBeNull();
    expect(m.unknown).toEqual([]);
    expect(m.headerCount).toBe(14);
    expect(m.index.id_number).toBe(13);
    expect(m.index.phone).toBe(0);
    for (const spec of PERSON_COLUMNS) expect(headers[m.index[spec.key]]).toBe(spec.zh);
  });

  it('maps the English names, in any letter case', () => {
    const m = mapColumns(PERSON_EN.map((h, i) => (i % 2 ? h.toUpperCase() : h)), 'persons');
    expect(m.problem).toBeNull();
    expect(m.index.birth_date).toBe(3);
    expect(m.index.hukou_area).toBe(5);
  });

  it('maps common aliases such as 身份证号码', () => {
    const m = mapColumns(['身份证号码', '姓名', '性别', '出生日期', '户籍地代码', '手机号码'], 'persons');
    expect(m.problem).toBeNull();
    expect(m.index).toMatchObject({ id_number: 0, hukou_area: 4, phone: 5, ethnicity: -1 });
  });

  it('reports unknown columns with their letters, ignoring blank trailing columns', () => {
    const m = mapColumns(['公民身份号码', '备注', '姓名', '', '性别', '出生日期', '户籍地', '身高', '', ''], 'persons');
    expect(m.problem).toBeNull();
    expect(m.unknown).toEqual([
      { index: 1, letter: 'B', header: '备注' },
      { index: 3, letter: 'D', header: '' },
      { index: 7, letter: 'H', header: '身高' },
    ]);
    expect(describeUnknownColumns(m.unknown)).toBe('以下列无法识别，已忽略：B列“备注”、D列（表头为空）、H列“身高”');
    expect(describeUnknownColumns([])).toBeNull();
  });

  it('names the missing required columns in a file-level error', () => {
    const m = mapColumns(['姓名', '性别', '民族'], 'persons');
    expect(m.missing).toEqual(['公民身份号码', '出生日期', '户籍地']);
    expect(m.problem).toBeInstanceOf(ImportFileError);
    expect(m.problem!.code).toBe('import.missing_columns');
    expect(m.problem!.params).toEqual({ columns: '公民身份号码、出生日期、户籍地' });
    expect(m.problem!.message).toBe('缺少必填列：公民身份号码、出生日期、户籍地');
  });

  it('hints that the header must be the first row when nothing is recognised', () => {
    const m = mapColumns(['某某村人员花名册'], 'persons');
    expect(m.problem!.message).toMatch(/^缺少必填列：公民身份号码、姓名、性别、出生日期、户籍地（第一行须为表头/);
  });

  it('hints at the other kind of file when the headers fit it better', () => {
    const m = mapColumns(EVENT_COLUMNS.map((c) => c.zh), 'persons');
    expect(m.problem!.message).toMatch(/此文件看起来是人口变动表/);
    const e = mapColumns(PERSON_ZH, 'events');
    expect(e.missing).toEqual(['变动类型', '变动日期', '地区']);
    expect(e.problem!.message).toMatch(/此文件看起来是人员信息表/);
  });

  it('refuses a column given twice, also under its English name', () => {
    const m = mapColumns([...PERSON_ZH, 'id_number'], 'persons');
    expect(m.duplicates).toEqual([{ header: '公民身份号码', letters: ['A', 'O'] }]);
    expect(m.problem!.code).toBe('import.bad_file');
    expect(m.problem!.message).toBe('文件无法读取：列“公民身份号码”重复出现（A、O列）');
  });

  it('maps events headers, conditional columns being optional at file level', () => {
    const m = mapColumns(['变动类型', '变动日期', '地区', '公民身份号码'], 'events');
    expect(m.problem).toBeNull();
    expect(m.index).toMatchObject({ kind: 0, date: 1, area: 2, id_number: 3, from_area: -1, spouse_id_number: -1 });
  });
});

describe('columnLetter', () => {
  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA']])('%i → %s', (i, l) => {
    expect(columnLetter(i)).toBe(l);
  });
});
