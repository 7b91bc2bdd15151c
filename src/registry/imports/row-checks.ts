// Checks shared by the person and event row validators; each pushes a Chinese reason that
// names the column and the value.

import { parseFlexibleDate } from '../dates.ts';
import type { Sex } from '../id-number.ts';
import { checkIdCell, type IdCell } from './id-field.ts';
import { isPlausibleAddressCode, parseAreaCode } from './values.ts';

/** What a row validator needs to know beyond the row itself. */
export interface RowContext {
  /** Today in Asia/Shanghai, 'YYYY-MM-DD' (see todayInShanghai). */
  today: string;
  /** Whether an area code (6, 9 or 12 digits) exists in the areas table. */
  isKnownArea(code: string): boolean;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; reasons: string[] };

export function isNumericCell(numeric: readonly number[] | undefined, index: number): boolean {
  return numeric !== undefined && index >= 0 && numeric.includes(index);
}

/** A non-empty date cell; a numeric xlsx cell may be an Excel serial day number. */
export function dateCell(raw: string, label: string, numericCell: boolean, reasons: string[]): string | null {
  const date = parseFlexibleDate(numericCell ? Number(raw) : raw);
  if (date === null) reasons.push(`${label}格式错误：${raw}（应为YYYY-MM-DD、YYYY/M/D或YYYYMMDD的有效日期）`);
  return date;
}

/** A non-empty area-code cell that must name one of our areas. */
export function knownAreaCell(raw: string, label: string, ctx: RowContext, reasons: string[]): string | null {
  const code = parseAreaCode(raw);
  if (code === null) {
    reasons.push(`${label}代码格式错误：${raw}（应为6、9或12位数字）`);
    return null;
  }
  if (!ctx.isKnownArea(code)) {
    reasons.push(`${label}代码不存在：${code}`);
    return null;
  }
  return code;
}

/** A non-empty area-code cell that may lie outside our areas (another province). */
export function foreignAreaCell(raw: string, label: string, reasons: string[]): string | null {
  const code = parseAreaCode(raw);
  if (code === null) {
    reasons.push(`${label}代码格式错误：${raw}（应为6、9或12位数字）`);
    return null;
  }
  if (!isPlausibleAddressCode(code)) {
    reasons.push(`${label}代码无效：${code}（前两位不是省级行政区划代码）`);
    return null;
  }
  return code;
}

/** A row with more cells than the header (typically an unquoted comma in a CSV field). */
export function checkExtraCells(cells: readonly string[], headerCount: number, reasons: string[]): void {
  if (cells.length <= headerCount) return;
  const extra: string[] = [];
  for (let i = headerCount; i < cells.length; i++) {
    const v = cells[i].trim();
    if (v) extra.push(v);
  }
  if (extra.length > 0) {
    reasons.push(
      `本行有${cells.length}列，多于表头的${headerCount}列，多出的内容：${extra.join('，')}（CSV 文件请检查字段中是否有未加引号的逗号）`,
    );
  }
}

/** A sex as written in messages: 男, 女. */
export function sexName(sex: Sex): string {
  return sex === 'M' ? '男' : '女';
}

/**
 * A parent's ID number: well-formed, of the expected sex, not the person's own, and born
 * before the person. Returns the normalised number, or null (reason pushed) or empty.
 */
export function checkParent(
  raw: string, label: string, expectedSex: Sex, own: IdCell | null, birthDate: string | null,
  ctx: RowContext, reasons: string[], numericCell: boolean,
): string | null {
  if (!raw) return null;
  const parent = checkIdCell(raw, label, ctx.today, reasons, numericCell);
  if (!parent) return null;
  if (own && parent.id === own.id) {
    reasons.push(`${label}与本人公民身份号码相同：${parent.id}`);
  } else if (parent.sex !== expectedSex) {
    reasons.push(`${label}对应的性别为${sexName(parent.sex)}：${parent.id}`);
  } else if (birthDate && parent.birthDate >= birthDate) {
    reasons.push(`${label}中的出生日期（${parent.birthDate}）不早于本人出生日期（${birthDate}）`);
  } else {
    return parent.id;
  }
  return null;
}
