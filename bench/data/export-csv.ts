// The persons import CSV of the city: UTF-8 without BOM, a header line, LF line ends,
// fields quoted only when they must be (RFC 4180). Streamed: memory stays flat.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { progress } from '../lib/log.ts';
import { IMPORT_HEADERS, personRows, type RowStats } from './person-rows.ts';

export interface CsvFile extends RowStats {
  bytes: number;
  sha256: string;
}

const FLUSH_CHARS = 1 << 20;

/** A field as written to CSV: quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(s: string): string {
  if (!/[",\r\n]|^\s|\s$/.test(s)) return s;
  return `"${s.replaceAll('"', '""')}"`;
}

/** Writes every person with a valid ID number of the city to `csvFile`. */
export async function exportCsv(cityDb: string, csvFile: string, persons: number, today: string): Promise<CsvFile> {
  const stats: RowStats = { rows: 0, skippedMalformedIds: 0, blankedRelativeIds: 0 };
  const hash = createHash('sha256');
  const out = fs.createWriteStream(csvFile);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {}); // observed below
  let bytes = 0;
  const write = async (text: string) => {
    const buf = Buffer.from(text, 'utf8');
    hash.update(buf);
    bytes += buf.length;
    if (!out.write(buf)) await Promise.race([once(out, 'drain'), failed]);
  };
  const report = progress('CSV (persons)');
  let text = IMPORT_HEADERS.map(csvField).join(',') + '\n';
  for (const cells of personRows(cityDb, today, Infinity, stats)) {
    text += cells.map(csvField).join(',') + '\n';
    if (text.length >= FLUSH_CHARS) {
      await write(text);
      text = '';
      report(stats.rows + stats.skippedMalformedIds, persons);
    }
  }
  await write(text);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  report(persons, persons);
  return { ...stats, bytes, sha256: hash.digest('hex') };
}
