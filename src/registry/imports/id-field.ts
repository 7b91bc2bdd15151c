// Checking an ID-number cell of an imported row, with a precise reason when it is wrong.
// Same rules as parseIdNumber (../id-number.ts), written without regexes or Date objects
// because it runs up to four times per row on the import hot path.

import { formatYmd } from '../dates.ts';
import { checkChar, upgrade15 } from '../id-number.ts';
import type { Sex } from '../id-number.ts';
import { cleanDigits } from './values.ts';

export interface IdCell {
  /** The 18-character number, upper-case X. */
  id: string;
  birthDate: string;
  sex: Sex;
}

const MIN_BIRTH_YEAR = 1850;
// ISO 7064 MOD 11-2, as in ../id-number.ts, with the check characters as char codes.
const WEIGHTS = new Int32Array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
const CHECK_CODES = new Int32Array([...'10X98765432'].map((c) => c.charCodeAt(0)));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function digitsOnly(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * The weighted sum of the first 17 characters when they are digits and the 18th is a digit
 * or X/x; -1 otherwise.
 */
function digitSum17(s: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    sum += c * WEIGHTS[i];
  }
  const last = s.charCodeAt(17);
  return isDigit(last) || last === 88 || last === 120 ? sum : -1;
}

/** 18 characters (digits, last may be X/x) or 15 digits. */
function hasIdShape(s: string): boolean {
  if (s.length === 18) {
    const last = s.charCodeAt(17);
    return digitsOnly(s, 0, 17) && (isDigit(last) || last === 88 || last === 120);
  }
  return s.length === 15 && digitsOnly(s, 0, 15);
}

function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

/** '1.10105E+17' and the like: what Excel shows, and writes to CSV, for a long number. */
function isScientific(s: string): boolean {
  return /^\d(\.\d+)?[eE]\+?\d+$/.test(s);
}

/**
 * Validates a non-empty, trimmed ID-number cell. Returns the normalised number with the birth
 * date and sex it encodes, or pushes a reason naming `label` and the value and returns null.
 * `numericCell`: the cell was a number in an xlsx file (digits beyond the 15th are lost).
 */
export function checkIdCell(raw: string, label: string, today: string, reasons: string[], numericCell = false): IdCell | null {
  if (numericCell && raw.length > 15) {
    reasons.push(`${label}应设置为文本格式：该单元格是数字格式，只保留15位有效数字，末几位已丢失（${raw}）`);
    return null;
  }
  // Fast path: 18 characters, checked and summed for the check character in one pass.
  let sum = -1;
  if (raw.length === 18) sum = digitSum17(raw);
  let s = raw;
  if (sum < 0 && !hasIdShape(s)) {
    s = cleanDigits(raw);
    if (!hasIdShape(s)) {
      if (isScientific(s)) {
        reasons.push(`${label}应设置为文本格式：已被 Excel 显示为科学计数法（${raw}），末几位已丢失`);
      } else {
        reasons.push(`${label}格式错误：${raw}（应为18位，或15位数字）`);
      }
      return null;
    }
  }
  const from15 = s.length === 15;
  let last = from15 ? 0 : s.charCodeAt(17);
  if (last === 120) last = 88; // x → X
  const id = from15 ? upgrade15(s) : last !== s.charCodeAt(17) ? s.slice(0, 17) + 'X' : s;
  const y = twoDigits(id, 6) * 100 + twoDigits(id, 8);
  const m = twoDigits(id, 10);
  const d = twoDigits(id, 12);
  const birthDate = y < MIN_BIRTH_YEAR ? null : formatYmd(y, m, d);
  if (birthDate === null) {
    reasons.push(`${label}中的出生日期无效：${raw}`);
    return null;
  }
  if (birthDate > today) {
    reasons.push(`${label}中的出生日期晚于今天：${raw}`);
    return null;
  }
  if (!from15) {
    if (sum < 0) sum = digitSum17(id);
    if (CHECK_CODES[sum % 11] !== last) {
      reasons.push(`${label}校验位错误（应为${checkChar(id)}）：${raw}`);
      return null;
    }
  }
  return { id, birthDate, sex: (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F' };
}
