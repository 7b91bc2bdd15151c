// Progress output on stderr: each step with the time since the benchmark started.
/** When the benchmark started (a figure's own process, in-child.ts, gets it from its parent). */
export const benchStarted = Number(process.env.BENCH_STARTED) || Date.now();
const started = benchStarted;

const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]`;

export function step(message: string): void {
  process.stderr.write(`${stamp()} ${message}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`${stamp()} WARNING: ${message}\n`);
}

/** A throttled progress reporter for long loops (at most one line every 5 s). */
export function progress(label: string): (done: number, total: number) => void {
  let last = 0;
  let finished = false;
  return (done, total) => {
    const now = Date.now();
    const complete = done >= total;
    if (complete ? finished : now - last < 5_000) return;
    if (complete) finished = true;
    last = now;
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    process.stderr.write(`${stamp()}   ${label}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${pct}%)\n`);
  };
}

export function elapsedSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
