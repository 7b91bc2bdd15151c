// The baseline of figure 1: the sqlite3 shell's own `.import` of the same CSV into an empty
// table with the same columns, in a fresh database file. The whole sqlite3 process is timed.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { IMPORT_HEADERS } from '../data/person-rows.ts';
import { elapsedSince, step } from '../lib/log.ts';
import { flushWrites, removeDb } from '../lib/workspace.ts';

export interface RawImportRun {
  seconds: number;
  rows: number;
  rowsPerSecond: number;
}

const SQLITE3 = process.env.SQLITE3 || 'sqlite3';
const TIMEOUT_MS = 15 * 60_000;

export function sqlite3Version(): string {
  return execFileSync(SQLITE3, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim().split(' ')[0];
}

function runSqlite3(dbFile: string, script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(SQLITE3, ['-bail', dbFile], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => { if (stderr.length < 4000) stderr += d.toString(); });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !stderr.trim()) resolve();
      else reject(new Error(`sqlite3 failed (${signal ?? code}): ${stderr.trim()}`));
    });
    child.stdin.end(script);
  });
}

export async function timeRawImport(csv: string, scratchDir: string, expectedRows: number): Promise<RawImportRun> {
  const dbFile = path.join(scratchDir, 'raw.db');
  removeDb(dbFile);
  flushWrites();
  try {
    step('raw baseline: sqlite3 .import of the same CSV');
    const columns = IMPORT_HEADERS.map((h) => `"${h}" text`).join(', ');
    const t0 = process.hrtime.bigint();
    await runSqlite3(dbFile, `create table raw_persons (${columns});\n.mode csv\n.import --skip 1 '${csv.replaceAll("'", "''")}' raw_persons\n`);
    const seconds = elapsedSince(t0);
    const rows = Number(execFileSync(SQLITE3, [dbFile, 'select count(*) from raw_persons'], { encoding: 'utf8', timeout: 60_000 }).trim());
    if (rows !== expectedRows) throw new Error(`sqlite3 .import loaded ${rows} rows, expected ${expectedRows}`);
    return { seconds, rows, rowsPerSecond: rows / seconds };
  } finally {
    removeDb(dbFile);
  }
}
