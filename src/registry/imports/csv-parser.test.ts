import { describe, expect, it } from 'vitest';
import { CsvParser, CsvRecordTooLongError, MAX_RECORD_CHARS, parseCsvText } from './csv-parser.ts';

describe('parseCsvText', () => {
  const cases: [string, string, string[][]][] = [
    ['plain LF', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['lone CR line ends', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['no final line end', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['empty fields', ',,\n1,,3\n', [['', '', ''], ['1', '', '3']]],
    ['trailing delimiter at end of text', 'a,', [['a', '']]],
    ['empty line is an empty record', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['quoted field', '"a,b",c\n', [['a,b', 'c']]],
    ['escaped quotes', '"he said ""hi""",x\n', [['he said "hi"', 'x']]],
    ['only an escaped quote', '"""",x\n', [['"', 'x']]],
    ['embedded CRLF in quotes', '"line1\r\nline2",b\r\nc,d\r\n', [['line1\r\nline2', 'b'], ['c', 'd']]],
    ['empty quoted field', '"",b\n', [['', 'b']]],
    ['text after closing quote is kept', '"ab"c,d\n', [['abc', 'd']]],
    ['quote inside unquoted field is literal', 'a"b,c\n', [['a"b', 'c']]],
    ['unclosed quote at end of file keeps the rest', '"abc\ndef', [['abc\ndef']]],
    ['Chinese text', '姓名,性别\n张三,男\n', [['姓名', '性别'], ['张三', '男']]],
    ['spaces are kept', ' a , b \n', [[' a ', ' b ']]],
    ['empty text', '', []],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseCsvText(text)).toEqual(expected);
  });

  it('uses another delimiter when told', () => {
    expect(parseCsvText('a\tb,c\n1\t2\n', 9)).toEqual([['a', 'b,c'], ['1', '2']]);
  });
});

describe('CsvParser across chunk boundaries', () => {
  const text =
    '公民身份号码,姓名,备注\r\n' +
    '11010519491231002X,"李,秀英","说""明""\r\n第二行"\r\n' +
    '510703198407266980,徐秀敏,\r\n' +
    '"",,"x"\r' +
    'last,row,"end"';
  const whole = parseCsvText(text);

  it('parses the sample as expected in one piece', () => {
    expect(whole).toEqual([
      ['公民身份号码', '姓名', '备注'],
      ['11010519491231002X', '李,秀英', '说"明"\r\n第二行'],
      ['510703198407266980', '徐秀敏', ''],
      ['', '', 'x'],
      ['last', 'row', 'end'],
    ]);
  });

  it('gives the same records wherever the text is split, once or at every character', () => {
    for (let cut = 0; cut <= text.length; cut++) {
      const p = new CsvParser();
      const out: string[][] = [];
      p.push(text.slice(0, cut), out);
      p.push(text.slice(cut), out);
      p.end(out);
      expect(out, `split at ${cut}`).toEqual(whole);
      expect(p.records).toBe(whole.length);
    }
    const p = new CsvParser();
    const out: string[][] = [];
    for (const ch of text) p.push(ch, out);
    p.end(out);
    expect(out).toEqual(whole);
  });

  it('refuses to hold back a record longer than the limit (an unclosed quote)', () => {
    const p = new CsvParser();
    const out: string[][] = [];
    p.push('a,b\n"never closed', out);
    expect(out).toEqual([['a', 'b']]);
    let error: unknown;
    try {
      for (let i = 0; i < 5; i++) p.push('x'.repeat(MAX_RECORD_CHARS / 4), out);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvRecordTooLongError);
    expect((error as CsvRecordTooLongError).recordNumber).toBe(2);
  });
});
