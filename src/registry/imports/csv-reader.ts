// Streaming CSV reader: detects the encoding, decodes in chunks, parses records and yields
// batches of non-empty rows. Memory stays bounded by the chunk size whatever the file size.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CsvParser, CsvRecordTooLongError } from './csv-parser.ts';
import { createDecoder, detectEncoding, detectFileEncoding } from './encoding.ts';
import { badFile, DEFAULT_BATCH_ROWS, type Table, type TableInput, type TableRow } from './types.ts';

const CHUNK_BYTES = 1 << 16; // measured: 64 KiB chunks keep batches small enough for the young GC generation

function isEmptyRecord(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const s = cells[i];
    if (s.length > 0 && s.trim().length > 0) return false;
  }
  return true;
}

/** The first line with content, if it is complete (followed by a line end, or at the end). */
function firstCompleteLine(text: string, final: boolean): string | null {
  const lines = text.split(/\r\n|\n|\r/);
  const complete = final ? lines.length : lines.length - 1;
  for (let i = 0; i < complete; i++) if (lines[i].trim()) return lines[i];
  return null;
}

/** Comma, unless the header line has tabs (or semicolons) and no commas. */
function detectDelimiter(firstLine: string): number {
  if (firstLine.includes(',')) return 44;
  if (firstLine.includes('\t')) return 9;
  if (firstLine.includes(';')) return 59;
  return 44;
}

async function* byteChunks(input: TableInput): AsyncGenerator<Uint8Array> {
  if (input.buffer) {
    for (let i = 0; i < input.buffer.length; i += CHUNK_BYTES) yield input.buffer.subarray(i, i + CHUNK_BYTES);
    return;
  }
  yield* createReadStream(input.path!, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>;
}

export async function readCsv(input: TableInput): Promise<Table> {
  const bytesTotal = input.buffer ? input.buffer.length : (await stat(input.path!)).size;
  const encoding = input.buffer ? detectEncoding(input.buffer) : await detectFileEncoding(input.path!);
  const decoder = createDecoder(encoding);
  const chunks = byteChunks(input);
  let bytesRead = 0;
  let parser: CsvParser | null = null;
  let pending: string[][] = [];
  let done = false;
  let line = 0; // records parsed before `pending`
  let headText = ''; // text collected before the first line end

  /** Reads and parses until at least one record is pending or the input ends. */
  async function fill(): Promise<boolean> {
    while (pending.length === 0 && !done) {
      const next = await chunks.next();
      let text: string;
      if (next.done) {
        done = true;
        text = decoder.end();
      } else {
        bytesRead += next.value.length;
        text = decoder.write(next.value);
      }
      if (parser === null) {
        // The delimiter is chosen from the header line: wait until it is complete.
        headText += text;
        const header = firstCompleteLine(headText, done);
        if (header === null && !done && headText.length < 1 << 16) continue;
        text = headText;
        headText = '';
        parser = new CsvParser(detectDelimiter(header ?? ''));
      }
      try {
        parser.push(text, pending);
        if (done) parser.end(pending);
      } catch (e) {
        if (e instanceof CsvRecordTooLongError) {
          throw badFile(`第${e.recordNumber}行过长，可能有未闭合的引号`);
        }
        throw e;
      }
    }
    return pending.length > 0;
  }

  // Header: the first non-empty record.
  let headers: string[] | null = null;
  while (headers === null && (await fill())) {
    while (pending.length > 0) {
      const rec = pending.shift()!;
      line++;
      if (!isEmptyRecord(rec)) {
        headers = rec;
        break;
      }
    }
  }
  if (headers === null) throw badFile('文件是空的，没有表头行');
  const headerLine = line;
  if (headers.length > 0 && headers[0].charCodeAt(0) === 0xfeff) headers[0] = headers[0].slice(1);
  headers = headers.map((h) => h.trim());

  let consumed = false;
  async function* batches(): AsyncGenerator<TableRow[]> {
    if (consumed) throw new Error('table rows can be read only once');
    consumed = true;
    const batchRows = input.batchRows ?? DEFAULT_BATCH_ROWS;
    let batch: TableRow[] = [];
    while (await fill()) {
      const records = pending;
      pending = [];
      for (let i = 0; i < records.length; i++) {
        const cells = records[i];
        line++;
        if (!isEmptyRecord(cells)) batch.push({ line, cells });
      }
      if (batch.length >= batchRows) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  return {
    format: 'csv',
    encoding,
    sheetName: null,
    headerLine,
    headers,
    batches,
    async *rows() {
      for await (const batch of batches()) yield* batch;
    },
    progress: () => ({ bytesRead, bytesTotal }),
    async close() {
      done = true;
      pending = [];
      await chunks.return(undefined);
    },
  };
}
