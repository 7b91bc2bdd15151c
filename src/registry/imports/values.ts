// Reading single cell values of imported rows into codes. Each function takes a trimmed,
// non-empty text and returns the normalised value, or null when it cannot be understood.

import { EVENT_KINDS, ETHNICITIES, MARITAL_STATUSES } from '../codes.ts';
import type { EventKind, HukouType, Sex } from '../../platform/db/schema.ts';

/** Characters that are certainly not white space: printable ASCII, and CJK and beyond. */
function isSolid(c: number): boolean {
  return (c > 32 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff);
}

/** The cell's text trimmed, '' when the column is absent or the row too short. */
export function cellAt(cells: readonly string[], index: number): string {
  if (index < 0 || index >= cells.length) return '';
  const s = cells[index];
  if (s.length === 0) return s;
  // Fast path: most cells start and end with a digit, a letter or a Chinese character.
  if (isSolid(s.charCodeAt(0)) && isSolid(s.charCodeAt(s.length - 1))) return s;
  return s.trim();
}

/**
 * Digits as typed with a Chinese input method or pasted from other software: full-width digits
 * and X made half-width; spaces, hyphens and a leading apostrophe or ="…" wrapper removed.
 */
export function cleanDigits(s: string): string {
  let out = '';
  let t = s;
  if (t.startsWith('="') && t.endsWith('"')) t = t.slice(2, -1);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if (c === 0xff38 || c === 0xff58) out += 'X';
    else if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 45 || (c === 39 && i === 0)) continue;
    else out += t[i];
  }
  return out;
}

const SEXES = new Map<string, Sex>([
  ['男', 'M'], ['女', 'F'], ['1', 'M'], ['2', 'F'], ['M', 'M'], ['F', 'F'], ['m', 'M'], ['f', 'F'],
  ['男性', 'M'], ['女性', 'F'], ['male', 'M'], ['female', 'F'], ['Male', 'M'], ['Female', 'F'],
]);

/** 男/女, 1/2 (GB/T 2261.1), M/F. */
export function parseSex(s: string): Sex | null {
  return SEXES.get(s) ?? null;
}

const ETHNICITY_CODES = new Map<string, string>();
for (const { code, name } of ETHNICITIES) {
  ETHNICITY_CODES.set(name, code);
  ETHNICITY_CODES.set(code, code);
  if (code.startsWith('0')) ETHNICITY_CODES.set(code.slice(1), code); // '1' from a numeric cell
  if (name.endsWith('族') && name.length >= 2) ETHNICITY_CODES.set(name.slice(0, -1), code); // 汉 = 汉族
}

/** GB 3304 code from a name (汉族, 汉) or code (01, 1). */
export function parseEthnicity(s: string): string | null {
  return ETHNICITY_CODES.get(s) ?? null;
}

const HUKOU_TYPES = new Map<string, HukouType>();
for (const word of ['农业', '农村', '农业户口', '农村户口', '农业家庭户口', 'rural', 'Rural']) HUKOU_TYPES.set(word, 'rural');
for (const word of ['非农业', '城镇', '非农业户口', '城镇户口', '非农业家庭户口', 'urban', 'Urban']) HUKOU_TYPES.set(word, 'urban');

/** 农业/农村 → rural, 非农业/城镇 → urban. */
export function parseHukouType(s: string): HukouType | null {
  return HUKOU_TYPES.get(s) ?? null;
}

const MARITAL_CODES = new Map<string, string>();
for (const { code, zh } of MARITAL_STATUSES) {
  MARITAL_CODES.set(code, code);
  MARITAL_CODES.set(zh, code);
}

/** GB/T 2261.2 code from a name (初婚) or a code (21). */
export function parseMaritalStatus(s: string): string | null {
  return MARITAL_CODES.get(s) ?? null;
}

const IMPORTED_EVENT_KINDS: readonly EventKind[] = ['birth', 'death', 'move_in', 'move_out', 'marriage', 'divorce'];
const EVENT_KIND_CODES = new Map<string, EventKind>();
for (const { code, zh } of EVENT_KINDS) {
  if (!IMPORTED_EVENT_KINDS.includes(code)) continue;
  EVENT_KIND_CODES.set(zh, code);
  EVENT_KIND_CODES.set(code, code);
}

export type ImportedEventKind = 'birth' | 'death' | 'move_in' | 'move_out' | 'marriage' | 'divorce';

/** 出生, 死亡, 迁入, 迁出, 结婚, 离婚 (or birth, death, move_in, …). */
export function parseEventKind(s: string): ImportedEventKind | null {
  return (EVENT_KIND_CODES.get(s) ?? EVENT_KIND_CODES.get(s.toLowerCase()) ?? null) as ImportedEventKind | null;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** An area code's shape: 6 (county), 9 (township) or 12 (village) digits. */
export function isAreaCodeShape(s: string): boolean {
  return (s.length === 6 || s.length === 9 || s.length === 12) && allDigits(s);
}

/** Area code as typed (full-width digits and spaces tolerated), or null when not 6/9/12 digits. */
export function parseAreaCode(s: string): string | null {
  if (isAreaCodeShape(s)) return s;
  const t = cleanDigits(s);
  return isAreaCodeShape(t) ? t : null;
}

// GB/T 2260 provinces, plus 71 Taiwan, 81 Hong Kong, 82 Macao.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/**
 * A code that could be a GB/T 2260 address code of somewhere outside our areas (a province,
 * city or county of origin): it starts with a real province code.
 */
export function isPlausibleAddressCode(code: string): boolean {
  return PROVINCES.has(code.slice(0, 2));
}

/**
 * A phone number: an 11-digit mobile number (1[3-9]…), kept as digits, or a landline with its
 * area code (010, 02x with 8 digits; 0xxx with 7 or 8), written '0816-2345678'.
 */
export function parsePhone(s: string): string | null {
  if (s.length === 11 && s.charCodeAt(0) === 49 && s.charCodeAt(1) >= 51 && allDigits(s)) return s;
  let t = cleanDigits(s).replace(/[()（）]/g, '');
  if (t.startsWith('+86')) t = t.slice(3);
  else if (t.length === 13 && t.startsWith('86')) t = t.slice(2);
  if (!allDigits(t)) return null;
  if (t.length === 11 && t[0] === '1') return t.charCodeAt(1) >= 51 ? t : null;
  if (t[0] !== '0') return null;
  const areaLength = t[1] === '1' || t[1] === '2' ? 3 : 4;
  const local = t.slice(areaLength);
  const okLength = areaLength === 3 ? local.length === 8 : local.length === 7 || local.length === 8;
  if (!okLength || local[0] === '0' || local[0] === '1') return null;
  return `${t.slice(0, areaLength)}-${local}`;
}

const CHINESE_NUMERALS = '一二三四五六七八九十';

/** Birth order: 1, 2, 3… (also 一孩, 第2胎); 1..20. */
export function parseParity(s: string): number | null {
  let t = s;
  if (t.startsWith('第')) t = t.slice(1);
  if (t.endsWith('孩') || t.endsWith('胎')) t = t.slice(0, -1);
  let n: number;
  if (allDigits(t) && t.length <= 2) n = Number(t);
  else if (t.length === 1 && CHINESE_NUMERALS.includes(t)) n = CHINESE_NUMERALS.indexOf(t) + 1;
  else return null;
  return n >= 1 && n <= 20 ? n : null;
}
