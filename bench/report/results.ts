// What a benchmark run measured, and the figure rows (goal, ratio, pass/fail) built from it.
import type { ImportRun } from '../figures/import.ts';
import type { LoadRun } from '../figures/load.ts';
import type { RawImportRun } from '../figures/raw-import.ts';
import type { FloorRun } from '../figures/write-floor.ts';
import type { Preflight } from '../server/preflight.ts';
import type { CityInfo } from '../data/city.ts';
import { fmtInt, fmtNum, median, medianRun } from '../lib/stats.ts';

export const GOALS = {
  csvRowsPerSecond: 50_000,
  csvRatioToRaw: 4,
  xlsxRowsPerSecond: 15_000,
  searchP99Ms: 50,
  personP99Ms: 30,
  serverRssMiB: 512,
} as const;

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  environment: Record<string, string | number>;
  options: { persons: number; runs: number; seed: number; only: string[]; kept: boolean };
  city?: CityInfo & { reused: boolean };
  csvFile?: { rows: number; skippedMalformedIds: number; blankedRelativeIds: number; bytes: number; sha256: string };
  csv?: { runs: ImportRun[]; raw: RawImportRun[]; floor?: FloorRun[] };
  xlsx?: { rows: number; bytes: number; runs: ImportRun[] };
  server?: {
    requestMix: Record<string, number>;
    preflight?: Preflight;
    search: LoadRun[];
    person: LoadRun[];
    memory?: { startMiB: number; peakRssDuringLoadMiB: number; hwmMiB: number; afterMiB: number };
  };
  /** Figures of the parts in bench/parts, already shaped as rows. */
  partRows?: FigureRow[];
  /** Things the reader must know (runs skipped, data left out). */
  notes: string[];
  errors: string[];
}

export interface FigureRow {
  figure: string;
  measured: string;
  goal: string;
  ratio: string;
  status: 'pass' | 'FAIL' | 'info';
}

const verdict = (ok: boolean): FigureRow['status'] => (ok ? 'pass' : 'FAIL');

export function figureRows(r: BenchResults): FigureRow[] {
  const rows: FigureRow[] = [];
  if (r.city) {
    rows.push({
      figure: `Seeding the city (${fmtInt(r.city.persons)} persons)${r.city.reused ? ', reused' : ''}`,
      measured: `${fmtInt(r.city.personsPerSecond)} persons/s (${fmtNum(r.city.seconds)} s)`, goal: '—', ratio: '—', status: 'info',
    });
  }
  if (r.csv && r.csv.runs.length) {
    const rps = median(r.csv.runs.map((x) => x.rowsPerSecond));
    const secs = median(r.csv.runs.map((x) => x.seconds));
    const rawSecs = median(r.csv.raw.map((x) => x.seconds));
    const ratio = secs / rawSecs;
    const rejected = Math.max(...r.csv.runs.map((x) => x.rejected));
    const inserted = medianRun(r.csv.runs, (x) => x.seconds).inserted;
    rows.push({
      figure: `CSV import, full validation (${fmtInt(r.csv.runs[0].total)} rows)`,
      measured: `${fmtInt(rps)} rows/s (${fmtNum(secs)} s)`, goal: `≥ ${fmtInt(GOALS.csvRowsPerSecond)} rows/s`,
      ratio: '—', status: verdict(rps >= GOALS.csvRowsPerSecond),
    });
    rows.push({
      figure: 'CSV import vs raw sqlite3 .import',
      measured: `${fmtNum(secs)} s vs ${fmtNum(rawSecs)} s (raw ${fmtInt(median(r.csv.raw.map((x) => x.rowsPerSecond)))} rows/s)`,
      goal: `≤ ${GOALS.csvRatioToRaw}×`, ratio: `${fmtNum(ratio, 2)}×`, status: verdict(ratio <= GOALS.csvRatioToRaw),
    });
    rows.push({
      figure: 'CSV import summary (inserted / rejected)',
      measured: `${fmtInt(inserted)} / ${fmtInt(rejected)}`, goal: 'rejected = 0', ratio: '—', status: verdict(rejected === 0 && inserted === r.csv.runs[0].total),
    });
    if (r.csv.floor?.length) {
      const writes = median(r.csv.floor.map((x) => x.writes));
      const derived = median(r.csv.floor.map((x) => x.derived));
      const floor = median(r.csv.floor.map((x) => x.writes + x.derived));
      rows.push({
        figure: 'CSV import: the same rows written as plain inserts, no validation (floor of the schema)',
        measured: `${fmtNum(floor)} s (writes ${fmtNum(writes)} s, indexes and aggregates ${fmtNum(derived)} s); validation and planning ${fmtNum(secs - floor)} s`,
        goal: '—', ratio: `${fmtNum(floor / rawSecs, 2)}× raw`, status: 'info',
      });
    }
  }
  if (r.xlsx && r.xlsx.runs.length) {
    const rps = median(r.xlsx.runs.map((x) => x.rowsPerSecond));
    const rejected = Math.max(...r.xlsx.runs.map((x) => x.rejected));
    rows.push({
      figure: `xlsx import (${fmtInt(r.xlsx.rows)} rows)`,
      measured: `${fmtInt(rps)} rows/s (${fmtNum(median(r.xlsx.runs.map((x) => x.seconds)))} s, ${fmtInt(rejected)} rejected)`,
      goal: `≥ ${fmtInt(GOALS.xlsxRowsPerSecond)} rows/s, 0 rejected`, ratio: '—', status: verdict(rps >= GOALS.xlsxRowsPerSecond && rejected === 0),
    });
  }
  const s = r.server;
  if (s && s.search.length) {
    const p99 = median(s.search.map((x) => x.p99Ms));
    const bad = Math.max(...s.search.map((x) => x.errors + x.non2xx));
    rows.push({
      figure: 'Person search, 50 connections × 30 s: p99',
      measured: `${fmtNum(p99)} ms (p50 ${fmtNum(median(s.search.map((x) => x.p50Ms)))} ms, ${fmtInt(median(s.search.map((x) => x.reqPerSec)))} req/s)`,
      goal: `≤ ${GOALS.searchP99Ms} ms`, ratio: '—', status: verdict(p99 <= GOALS.searchP99Ms),
    });
    rows.push({
      figure: 'Person search: errors / non-2xx (worst run)',
      measured: `${fmtInt(Math.max(...s.search.map((x) => x.errors)))} / ${fmtInt(Math.max(...s.search.map((x) => x.non2xx)))}`,
      goal: '0 / 0', ratio: '—', status: verdict(bad === 0),
    });
  }
  if (s && s.person.length) {
    const p99 = median(s.person.map((x) => x.p99Ms));
    const bad = Math.max(...s.person.map((x) => x.errors + x.non2xx));
    rows.push({
      figure: 'Person page, 10 connections × 20 s: p99',
      measured: `${fmtNum(p99)} ms (p50 ${fmtNum(median(s.person.map((x) => x.p50Ms)))} ms, ${fmtInt(median(s.person.map((x) => x.reqPerSec)))} req/s, ${fmtInt(bad)} errors+non-2xx)`,
      goal: `≤ ${GOALS.personP99Ms} ms, no errors`, ratio: '—', status: verdict(p99 <= GOALS.personP99Ms && bad === 0),
    });
  }
  if (s?.memory) {
    const m = s.memory;
    const peak = Math.max(m.hwmMiB, m.peakRssDuringLoadMiB);
    rows.push({
      figure: 'Server memory: peak RSS (VmHWM)',
      measured: `${fmtInt(peak)} MiB (at start ${fmtInt(m.startMiB)}, after load ${fmtInt(m.afterMiB)} MiB)`,
      goal: `≤ ${GOALS.serverRssMiB} MB`, ratio: '—', status: verdict(peak <= GOALS.serverRssMiB),
    });
  }
  rows.push(...(r.partRows ?? []));
  return rows;
}

const COLUMNS: [keyof FigureRow, string][] = [['figure', 'figure'], ['measured', 'measured'], ['goal', 'goal'], ['ratio', 'baseline ratio'], ['status', 'pass/fail']];

/** Visible width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function textTable(rows: FigureRow[]): string {
  const w = COLUMNS.map(([k, h]) => Math.max(width(h), ...rows.map((r) => width(r[k]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, w[i])).join('  ');
  return [line(COLUMNS.map(([, h]) => h)), line(w.map((n) => '-'.repeat(n))), ...rows.map((r) => line(COLUMNS.map(([k]) => r[k])))].join('\n');
}

export function markdownTable(rows: FigureRow[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| ${COLUMNS.map(([, h]) => h).join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${COLUMNS.map(([k]) => esc(r[k])).join(' | ')} |`),
  ].join('\n');
}
