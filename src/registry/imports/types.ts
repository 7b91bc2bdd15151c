// Shapes shared by the table readers, the column mapping and the row validators.

/** One data row of an imported table. */
export interface TableRow {
  /** 1-based row number as the user sees it in Excel (the header row is normally line 1). */
  line: number;
  /** Cell texts, untrimmed, in file column order; may be shorter or longer than the header. */
  cells: string[];
  /**
   * xlsx only: indexes of cells that were numeric cells (not date-formatted). Their text is the
   * number written out in full ('510703001001', '29281'). Lets a date column read an Excel serial
   * number, and an ID-number column detect digits lost to a number format. Absent for CSV.
   */
  numeric?: number[];
}

export type TableFormat = 'csv' | 'xlsx';
/** utf-16le: Excel's "Unicode 文本" export (tab-separated, with a byte order mark). */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

/** A table being read. Rows can be consumed once, by `batches()` or `rows()`. */
export interface Table {
  format: TableFormat;
  /** Encoding of a CSV file; null for xlsx. */
  encoding: TextEncoding | null;
  /** Name of the worksheet read (xlsx); null for CSV. */
  sheetName: string | null;
  /** Line of the header row (the first non-empty row). */
  headerLine: number;
  /** Header texts, trimmed. */
  headers: string[];
  /** Rows in file order, in batches of about `batchRows` rows. Empty rows are skipped. */
  batches(): AsyncIterable<TableRow[]>;
  /** Rows in file order, one at a time (convenience over `batches()`). */
  rows(): AsyncIterable<TableRow>;
  /** Bytes of the file consumed so far and its size, for a progress bar. */
  progress(): { bytesRead: number; bytesTotal: number };
  /** Stops reading early and releases the file. Safe to call more than once. */
  close(): Promise<void>;
}

/** Where the table comes from: a file on disk or bytes in memory, and the user's file name. */
export interface TableInput {
  path?: string;
  buffer?: Buffer;
  /** Original file name; its extension helps to tell the format. */
  filename: string;
  /** Rows per batch yielded by `batches()` (the last batch may be smaller). Default 2000. */
  batchRows?: number;
}

export const DEFAULT_BATCH_ROWS = 2000;

/**
 * A problem with the whole file: unreadable, wrong format, missing or duplicated columns.
 * `code` matches the HTTP error catalogue ('import.bad_file' with params.reason,
 * 'import.missing_columns' with params.columns); `message` is the complete Chinese sentence.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'import.bad_file' | 'import.missing_columns',
    readonly params: Record<string, string>,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A file-level error; `cause` keeps the technical error (for logs) behind the user's sentence. */
export function badFile(reason: string, cause?: unknown): ImportFileError {
  const error = new ImportFileError('import.bad_file', { reason }, `文件无法读取：${reason}`);
  if (cause !== undefined) error.cause = cause;
  return error;
}
