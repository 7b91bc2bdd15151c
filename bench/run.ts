// `npm run bench`: builds (or reuses) a deterministic synthetic city, then measures the
// figures of DESIGN.md §7 and the issue's goals: CSV and xlsx import throughput (with the raw
// sqlite3 .import as baseline), person search and person page latency under load against the
// real server, and the server's memory. Prints a table; writes bench/results/.
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { parseArgs, type BenchArgs } from './lib/args.ts';
import { step, warn } from './lib/log.ts';
import { cityCodeHash, flushWrites, openWorkspace, readManifest, writeManifest, type Manifest, type Workspace } from './lib/workspace.ts';
import { BENCH_TODAY, buildCity } from './data/city.ts';
import { exportCsv } from './data/export-csv.ts';
import { exportXlsx } from './data/export-xlsx.ts';
import { timeImport } from './figures/import.ts';
import { inChild } from './figures/in-child.ts';
import type { FloorRun } from './figures/write-floor.ts';
import { sqlite3Version, timeRawImport } from './figures/raw-import.ts';
import { runServerFigures } from './server/server-figures.ts';
import { figureRows, textTable, type BenchResults } from './report/results.ts';
import { writeResults } from './report/write.ts';
import { loadParts } from './parts/load-parts.ts';

const XLSX_ROWS = 200_000;
// Later runs of an import figure are skipped once its runs have taken this long (at least one runs).
const CSV_BUDGET_MS = 10 * 60_000;
const XLSX_BUDGET_MS = 4 * 60_000;
const HARD_LIMIT_MS = 3 * 60 * 60_000; // whatever happens, give up after three hours

function environment(): BenchResults['environment'] {
  const mem = new Database(':memory:');
  const libVersion = mem.prepare('select sqlite_version()').pluck().get() as string;
  mem.close();
  return {
    node: process.version, platform: `${os.platform()} ${os.release()}`, cpu: os.cpus()[0]?.model.trim() ?? '?', cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30), sqliteLibrary: libVersion, sqlite3Cli: sqlite3Version(),
  };
}

async function prepareCity(args: BenchArgs, ws: Workspace, m: Manifest, r: BenchResults): Promise<Manifest> {
  const key = [args.persons, args.seed, BENCH_TODAY, cityCodeHash()].join(':');
  if (m.city?.key === key && fs.existsSync(ws.cityDb)) {
    step(`reusing the city in ${ws.root} (${m.city.persons.toLocaleString('en-US')} persons)`);
    r.city = { ...m.city, reused: true };
    return m;
  }
  if (m.city) step('the kept city does not match these options or the seeding code: building it again');
  const c = await buildCity(ws.cityDb, args.persons, args.seed);
  r.city = { ...c, reused: false };
  const next: Manifest = { city: { key, ...c } }; // a new city invalidates the files made from it
  writeManifest(ws, next);
  return next;
}

/** Whether one more run (as long as the average so far) still fits the figure's time budget. */
function withinBudget(r: BenchResults, name: string, t0: number, budgetMs: number, done: number, wanted: number): boolean {
  const spent = Date.now() - t0;
  if (spent + spent / done <= budgetMs) return true;
  const note = `${name}: ${done} of ${wanted} runs (the runs would exceed the figure's ${budgetMs / 60_000} min budget)`;
  warn(note);
  r.notes.push(note);
  return false;
}

async function csvFigure(args: BenchArgs, ws: Workspace, m: Manifest, r: BenchResults): Promise<void> {
  const key = m.city!.key;
  if (!(m.csv?.key === key && fs.existsSync(ws.csv))) {
    step('writing the persons CSV from the city');
    m.csv = { key, ...(await exportCsv(ws.cityDb, ws.csv, m.city!.persons, BENCH_TODAY)) };
    writeManifest(ws, m);
  }
  const f = m.csv;
  r.csvFile = { rows: f.rows, skippedMalformedIds: f.skippedMalformedIds, blankedRelativeIds: f.blankedRelativeIds, bytes: f.bytes, sha256: f.sha256 };
  if (f.skippedMalformedIds || f.blankedRelativeIds) {
    const note = `the seeded city has ${f.skippedMalformedIds} persons with malformed ID numbers (left out of the CSV) and ${f.blankedRelativeIds} malformed relatives' ID numbers (emptied)`;
    warn(note);
    r.notes.push(note);
  }
  r.csv = { runs: [], raw: [], floor: [] };
  const t0 = Date.now();
  for (let i = 1; i <= args.runs; i++) {
    if (i > 1 && !withinBudget(r, 'CSV import', t0, CSV_BUDGET_MS, i - 1, args.runs)) break;
    step(`CSV import, run ${i}/${args.runs}`);
    r.csv.raw.push(await timeRawImport(ws.csv, ws.scratch, f.rows));
    step(`  sqlite3 .import: ${r.csv.raw.at(-1)!.seconds.toFixed(2)} s`);
    r.csv.runs.push(await timeImport(ws.csv, ws.scratch, 'csv', f.rows, async (db) => { r.csv!.floor!.push(await inChild<FloorRun>('floor', [db, ws.scratch])); }));
    const run = r.csv.runs.at(-1)!;
    step(`  Renkou import: ${run.seconds.toFixed(2)} s, ${Math.round(run.rowsPerSecond).toLocaleString('en-US')} rows/s, inserted ${run.inserted}, rejected ${run.rejected}`);
  }
}

async function xlsxFigure(args: BenchArgs, ws: Workspace, m: Manifest, r: BenchResults): Promise<void> {
  const key = `${m.city!.key}:${XLSX_ROWS}`;
  if (!(m.xlsx?.key === key && fs.existsSync(ws.xlsx))) {
    const rows = Math.min(XLSX_ROWS, m.city!.persons);
    step(`writing the persons .xlsx (up to ${rows.toLocaleString('en-US')} rows) from the city`);
    m.xlsx = { key, ...(await exportXlsx(ws.cityDb, ws.xlsx, rows, BENCH_TODAY)) };
    writeManifest(ws, m);
  }
  r.xlsx = { rows: m.xlsx.rows, bytes: m.xlsx.bytes, runs: [] };
  const t0 = Date.now();
  for (let i = 1; i <= args.runs; i++) {
    if (i > 1 && !withinBudget(r, 'xlsx import', t0, XLSX_BUDGET_MS, i - 1, args.runs)) break;
    step(`xlsx import, run ${i}/${args.runs}`);
    r.xlsx.runs.push(await timeImport(ws.xlsx, ws.scratch, 'xlsx', m.xlsx.rows));
    const run = r.xlsx.runs.at(-1)!;
    step(`  Renkou import: ${run.seconds.toFixed(2)} s, ${Math.round(run.rowsPerSecond).toLocaleString('en-US')} rows/s, rejected ${run.rejected}`);
  }
}

function finish(r: BenchResults): void {
  r.finishedAt = new Date().toISOString();
  const rows = figureRows(r);
  const { json, md } = writeResults(r);
  console.log('');
  console.log(textTable(rows));
  const goals = rows.filter((x) => x.status !== 'info');
  console.log(`\n${goals.filter((x) => x.status === 'pass').length} of ${goals.length} goals met.${r.errors.length ? ` ${r.errors.length} error(s): ${r.errors.map((e) => e.split('\n')[0]).join('; ')}` : ''}`);
  console.log(`Results: ${json}\n         ${md}`);
}

async function main(): Promise<void> {
  const parts = await loadParts();
  const args = parseArgs(process.argv.slice(2), parts.map((p) => p.name));
  const ws = openWorkspace(args.keep);
  process.on('exit', () => ws.cleanup());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => { warn(`${sig}: stopping`); process.exit(130); });
  const r: BenchResults = {
    startedAt: new Date().toISOString(), environment: environment(),
    options: { persons: args.persons, runs: args.runs, seed: args.seed, only: [...args.only], kept: ws.kept }, notes: [], errors: [],
  };
  const hardLimit = setTimeout(() => {
    r.errors.push(`gave up after ${HARD_LIMIT_MS / 60_000} minutes`);
    finish(r);
    process.exit(1);
  }, HARD_LIMIT_MS);
  hardLimit.unref();
  step(`benchmark: ${args.persons.toLocaleString('en-US')} persons, ${args.runs} run(s) per figure, figures ${[...args.only].join(',')}; files in ${ws.root}`);
  try {
    const m = await prepareCity(args, ws, readManifest(ws), r);
    const attempt = async (name: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        const msg = e instanceof Error ? e.stack ?? e.message : String(e);
        warn(`${name} failed: ${msg}`);
        r.errors.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    if (args.only.has('csv')) await attempt('csv import', () => csvFigure(args, ws, m, r));
    flushWrites();
    if (args.only.has('xlsx')) await attempt('xlsx import', () => xlsxFigure(args, ws, m, r));
    const wantSearch = args.only.has('search') || args.only.has('memory');
    const wantPerson = args.only.has('person') || args.only.has('memory');
    if (wantSearch || wantPerson) {
      flushWrites();
      await attempt('server figures', () => runServerFigures({ cityDb: ws.cityDb, logDir: ws.root, runs: args.runs, seed: args.seed, wantSearch, wantPerson }, r));
    }
    for (const part of parts.filter((p) => args.only.has(p.name))) {
      flushWrites();
      step(`part ${part.name}: ${part.description}`);
      await attempt(part.name, async () => {
        const rows = await part.run({ args, ws, cityDb: ws.cityDb, persons: m.city!.persons, notes: r.notes });
        (r.partRows ??= []).push(...rows);
      });
    }
  } catch (e) {
    warn(e instanceof Error ? e.stack ?? e.message : String(e));
    r.errors.push(e instanceof Error ? e.message : String(e));
  }
  finish(r);
  process.exitCode = r.errors.length ? 1 : 0;
}

await main();
