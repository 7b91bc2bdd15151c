// Writes bench/results/<timestamp>.json (git-ignored) and bench/results/latest.md (kept).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../lib/workspace.ts';
import { fmtInt, fmtNum } from '../lib/stats.ts';
import { figureRows, markdownTable, type BenchResults } from './results.ts';

export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

const safeDecode = (p: string) => { try { return decodeURIComponent(p); } catch { return p; } };

function runsSection(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.csvFile) {
    const f = r.csvFile;
    out.push(`- CSV file: ${fmtInt(f.rows)} rows, ${fmtNum(f.bytes / 2 ** 20)} MiB, sha256 \`${f.sha256.slice(0, 16)}…\``);
  }
  if (r.csv) {
    out.push(`- CSV import runs (s): ${r.csv.runs.map((x) => fmtNum(x.seconds, 2)).join(', ')}; sqlite3 .import runs (s): ${r.csv.raw.map((x) => fmtNum(x.seconds, 2)).join(', ')}`);
    if (r.csv.floor?.length) out.push(`- floor runs, writes + indexes and aggregates (s): ${r.csv.floor.map((x) => `${fmtNum(x.writes, 2)} + ${fmtNum(x.derived, 2)}`).join(', ')}`);
    const rej = r.csv.runs.find((x) => x.rejected > 0);
    if (rej) out.push(`  - first rejections: ${rej.firstRejections.map((x) => `line ${x.line}: ${x.reasons.join('; ')}`).join(' / ')}`);
  }
  if (r.xlsx) out.push(`- xlsx file: ${fmtInt(r.xlsx.rows)} rows, ${fmtNum(r.xlsx.bytes / 2 ** 20)} MiB; import runs (s): ${r.xlsx.runs.map((x) => fmtNum(x.seconds, 2)).join(', ')}`);
  const s = r.server;
  if (s) {
    out.push(`- search request mix: ${Object.entries(s.requestMix).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const [name, runs] of [['search', s.search], ['person page', s.person]] as const) {
      for (const [i, x] of runs.entries()) {
        out.push(`- ${name} run ${i + 1}: p50 ${fmtNum(x.p50Ms)} ms, p90 ${fmtNum(x.p90Ms)} ms, p99 ${fmtNum(x.p99Ms)} ms, p99.9 ${fmtNum(x.p99_9Ms)} ms, max ${fmtNum(x.maxMs)} ms, ${fmtInt(x.reqPerSec)} req/s, ${fmtInt(x.requests)} requests, errors ${x.errors}, timeouts ${x.timeouts}, non-2xx ${x.non2xx}, status ${JSON.stringify(x.statusCodes)}`);
        if (i === runs.length - 1 && x.slowest.length) {
          out.push(`  - slowest under load (last run): ${x.slowest.slice(0, 5).map((y) => `\`${safeDecode(y.path)}\` ${fmtNum(y.ms)} ms`).join(', ')}`);
        }
      }
    }
    if (s.preflight) {
      const p = s.preflight;
      out.push(`- single requests, one at a time (${p.checked} checked, all 200): ${Object.entries(p.perKind).map(([k, v]) => `${k} median ${fmtNum(v.medianMs)} ms / max ${fmtNum(v.maxMs)} ms (n=${v.n})`).join('; ')}`);
      out.push(`- slowest single requests: ${p.slowest.map((x) => `\`${safeDecode(x.path)}\` ${fmtNum(x.ms)} ms`).join(', ')}`);
    }
  }
  return out;
}

export function renderMarkdown(r: BenchResults): string {
  const env = Object.entries(r.environment).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    '# Renkou benchmark: latest results',
    '',
    `Run ${r.startedAt} → ${r.finishedAt ?? '(unfinished)'}; ${fmtInt(r.options.persons)} persons, seed ${r.options.seed}, ` +
      `median of ${r.options.runs} run(s) per timed figure; figures: ${r.options.only.join(', ')}.`,
    `Environment: ${env}.`,
    '',
    markdownTable(figureRows(r)),
    '',
    '## Details',
    '',
    ...runsSection(r),
    ...r.notes.map((n) => `- **${n}**`),
    ...(r.errors.length ? ['', '## Errors', '', ...r.errors.map((e) => `- ${e.split('\n')[0]}`)] : []),
    '',
    'Produced by `npm run bench` (see bench/README.md).',
    '',
  ].join('\n');
}

export function writeResults(r: BenchResults): { json: string; md: string } {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, `${r.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(json, JSON.stringify({ ...r, figures: figureRows(r) }, null, 2));
  const md = path.join(RESULTS_DIR, 'latest.md');
  fs.writeFileSync(md, renderMarkdown(r));
  return { json, md };
}
