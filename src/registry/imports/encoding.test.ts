import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  completeGb18030Length, completeUtf8Length, createDecoder, createIconvGb18030Decoder, detectEncoding, detectFileEncoding,
} from './encoding.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-encoding-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('completeUtf8Length', () => {
  const zhong = Buffer.from('中', 'utf8'); // e4 b8 ad
  const emoji = Buffer.from('😀', 'utf8'); // 4 bytes
  const cases: [string, Buffer, number][] = [
    ['ASCII', Buffer.from('abc'), 3],
    ['complete 3-byte char', Buffer.concat([Buffer.from('a'), zhong]), 4],
    ['3-byte char missing 1', Buffer.concat([Buffer.from('a'), zhong.subarray(0, 2)]), 1],
    ['3-byte char missing 2', Buffer.concat([Buffer.from('a'), zhong.subarray(0, 1)]), 1],
    ['complete 4-byte char', emoji, 4],
    ['4-byte char missing 1', emoji.subarray(0, 3), 0],
    ['empty', Buffer.alloc(0), 0],
  ];
  it.each(cases)('%s', (_name, buf, expected) => {
    expect(completeUtf8Length(buf)).toBe(expected);
  });
});

describe('encoding detection', () => {
  const text = '公民身份号码,姓名\r\n11010519491231002X,李秀英\r\n'.repeat(50);

  it('tells UTF-8 from GBK in memory', () => {
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('\ufeff' + text, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030');
    expect(detectEncoding(Buffer.from('plain,ascii\n'))).toBe('utf-8');
  });

  it('checks a file in chunks, whatever chunk boundaries cut through characters', async () => {
    const utf8 = path.join(dir, 'u.csv');
    const gbk = path.join(dir, 'g.csv');
    fs.writeFileSync(utf8, text, 'utf8');
    fs.writeFileSync(gbk, iconv.encode(text, 'gbk'));
    for (const chunk of [1, 2, 3, 5, 7, 64]) {
      expect(await detectFileEncoding(utf8, chunk), `chunk ${chunk}`).toBe('utf-8');
      expect(await detectFileEncoding(gbk, chunk), `chunk ${chunk}`).toBe('gb18030');
    }
  });

  it('finds GBK bytes late in an otherwise ASCII file', async () => {
    const file = path.join(dir, 'late.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('a,b\n'.repeat(10_000)), iconv.encode('张三,男\n', 'gbk')]));
    expect(await detectFileEncoding(file, 1024)).toBe('gb18030');
  });
});

describe('createDecoder', () => {
  it('decodes UTF-8 split inside characters and drops the BOM', () => {
    const bytes = Buffer.from('\ufeff姓名,张三', 'utf8');
    const d = createDecoder('utf-8');
    let s = '';
    for (const b of bytes) s += d.write(Uint8Array.of(b));
    s += d.end();
    expect(s).toBe('姓名,张三');
  });

  // 𠀀 and 𠀁 take 4 bytes in GB18030, 镕 2 bytes.
  const original = 'a𠀀b镕𠀁c,张三';
  const bytes = iconv.encode(original, 'gb18030');

  it.each([
    ['platform', () => createDecoder('gb18030')],
    ['iconv-lite fallback', createIconvGb18030Decoder],
  ])('decodes GB18030 (%s) however the bytes are split into three chunks', (_name, make) => {
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        const d = make();
        const s = d.write(bytes.subarray(0, i)) + d.write(bytes.subarray(i, j)) + d.write(bytes.subarray(j)) + d.end();
        expect(s, `split at ${i}, ${j}`).toBe(original);
      }
    }
  });
});

describe('completeGb18030Length', () => {
  const cases: [string, number[], number][] = [
    ['ASCII', [0x61, 0x62], 2],
    ['2-byte complete', [0x61, 0xd5, 0xc5], 3],
    ['2-byte cut', [0x61, 0xd5], 1],
    ['4-byte complete', [0x95, 0x32, 0x82, 0x36], 4],
    ['4-byte cut after 3', [0x61, 0x95, 0x32, 0x82], 1],
    ['4-byte cut after 2', [0x95, 0x32], 0],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(completeGb18030Length(Uint8Array.from(input))).toBe(expected);
  });
});
