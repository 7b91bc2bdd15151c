// Runs one timed figure in a fresh Node.js process, as `renkou import` runs an import: the
// bench's own heap (earlier runs, the million rows the floor reads) then weighs on no other
// figure (seen: a 200,000-row xlsx import took 24 s after the CSV figures in the same process,
// 15–18 s on its own). Logs go to stderr as before; the result comes back as JSON on stdout.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../lib/workspace.ts';
import { benchStarted } from '../lib/log.ts';

const CHILD = path.join(REPO_ROOT, 'bench/figures/child-main.ts');

export type ChildFigure = 'import' | 'floor';

export function inChild<T>(figure: ChildFigure, args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, figure, JSON.stringify(args)], {
      cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_STARTED: String(benchStarted) },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as T);
      else reject(new Error(`${figure} figure failed in its process (${signal ?? code})`));
    });
  });
}
