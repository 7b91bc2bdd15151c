// A progress line on stderr for long CLI commands.
export function progressLine(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < 250 && done < total) return;
    last = now;
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    const width = 30;
    const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '░');
    process.stderr.write(`\r${label} ${bar} ${pct}% ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
}
