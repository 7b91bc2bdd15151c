// Maps a file's header row onto the known columns of an import kind.

import { columnSpecs, type ColumnSpec, type EventColumn, type ImportKind, type PersonColumn } from './column-specs.ts';
import { ImportFileError } from './types.ts';

export interface UnknownColumn {
  /** 0-based index in the file. */
  index: number;
  /** Spreadsheet column letter(s): A, B, …, AA. */
  letter: string;
  /** The header as written ('' when the header cell is empty). */
  header: string;
}

export interface ColumnMapping<K extends string> {
  /** Index of each known column in the row's cells, -1 when the file lacks it. */
  index: Record<K, number>;
  /** Number of header cells. */
  headerCount: number;
  /** Columns that are not part of the format: reported to the user and ignored. */
  unknown: UnknownColumn[];
  /** Canonical headers of required columns that are missing. */
  missing: string[];
  /** Known columns present more than once: the canonical header and the letters where found. */
  duplicates: { header: string; letters: string[] }[];
  /** The fatal file-level error to raise, when columns are missing or duplicated; else null. */
  problem: ImportFileError | null;
}

export type PersonColumns = ColumnMapping<PersonColumn>;
export type EventColumns = ColumnMapping<EventColumn>;

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The header as a lookup key: trimmed, white space removed, a leading or trailing required
 * marker (*) and a trailing note in brackets removed ('性别（男/女）' → '性别'), and for Latin
 * text lower case with spaces and hyphens as underscores ('ID Number' → 'id_number').
 */
export function headerKey(header: string): string {
  let s = header.replace(/[\s\u3000\ufeff]+/g, ' ').trim();
  s = s.replace(/^[*＊]+|[*＊]+$/g, '').trim();
  s = s.replace(/\s*[（(][^（()）]*[)）]$/, '').trim();
  s = s.replace(/^[*＊]+|[*＊]+$/g, '').trim();
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase().replace(/[\s-]+/g, '_');
  return s.replace(/ /g, '');
}

function lookupTable(specs: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const table = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    table.set(spec.zh, spec);
    table.set(spec.key, spec);
    for (const alias of spec.aliases ?? []) table.set(alias, spec);
  }
  return table;
}

const TABLES: Record<ImportKind, Map<string, ColumnSpec>> = {
  persons: lookupTable(columnSpecs('persons')),
  events: lookupTable(columnSpecs('events')),
};

const KIND_NAMES: Record<ImportKind, string> = { persons: '人员信息表', events: '人口变动表' };

function countMatches(headers: string[], kind: ImportKind): number {
  const table = TABLES[kind];
  return headers.filter((h) => table.has(headerKey(h))).length;
}

export function mapColumns(headers: string[], kind: 'persons'): PersonColumns;
export function mapColumns(headers: string[], kind: 'events'): EventColumns;
export function mapColumns(headers: string[], kind: ImportKind): ColumnMapping<string>;
export function mapColumns(headers: string[], kind: ImportKind): ColumnMapping<string> {
  const specs = columnSpecs(kind);
  const table = TABLES[kind];
  const index: Record<string, number> = {};
  const found = new Map<string, number[]>();
  for (const spec of specs) index[spec.key] = -1;
  const unknown: UnknownColumn[] = [];
  headers.forEach((header, i) => {
    const spec = table.get(headerKey(header));
    if (!spec) {
      unknown.push({ index: i, letter: columnLetter(i), header: header.trim() });
      return;
    }
    const at = found.get(spec.key) ?? [];
    at.push(i);
    found.set(spec.key, at);
    if (index[spec.key] === -1) index[spec.key] = i;
  });
  // Empty header cells after the last real header are just the sheet's blank columns.
  let lastHeader = headers.length - 1;
  while (lastHeader >= 0 && headers[lastHeader].trim() === '') lastHeader--;
  while (unknown.length > 0 && unknown[unknown.length - 1].index > lastHeader) unknown.pop();
  const missing = specs.filter((s) => s.requiredColumn && index[s.key] === -1).map((s) => s.zh);
  const duplicates = specs
    .filter((s) => (found.get(s.key)?.length ?? 0) > 1)
    .map((s) => ({ header: s.zh, letters: found.get(s.key)!.map(columnLetter) }));

  const sentences: string[] = [];
  if (missing.length > 0) {
    let text = `缺少必填列：${missing.join('、')}`;
    const other: ImportKind = kind === 'persons' ? 'events' : 'persons';
    if (countMatches(headers, other) > countMatches(headers, kind)) {
      text += `（此文件看起来是${KIND_NAMES[other]}，请选择正确的导入类型）`;
    } else if (countMatches(headers, kind) === 0) {
      text += '（第一行须为表头，请使用导入模板）';
    }
    sentences.push(text);
  }
  for (const d of duplicates) sentences.push(`列“${d.header}”重复出现（${d.letters.join('、')}列）`);
  let problem: ImportFileError | null = null;
  if (sentences.length > 0) {
    const message = sentences.join('；');
    problem =
      missing.length > 0
        ? new ImportFileError('import.missing_columns', { columns: missing.join('、') }, message)
        : new ImportFileError('import.bad_file', { reason: message }, `文件无法读取：${message}`);
  }
  return { index, headerCount: headers.length, unknown, missing, duplicates, problem };
}

/** The user-facing note about ignored columns, or null when there are none. */
export function describeUnknownColumns(unknown: UnknownColumn[]): string | null {
  if (unknown.length === 0) return null;
  const parts = unknown.map((u) => (u.header ? `${u.letter}列“${u.header}”` : `${u.letter}列（表头为空）`));
  return `以下列无法识别，已忽略：${parts.join('、')}`;
}
