// A progress line on stderr for long CLI commands: redrawn in place on a terminal; in a log
// (no TTY) one line per 10 %.
export function progressLine(label: string, tty = process.stderr.isTTY === true) {
  let last = 0;
  let lastTenth = -1;
  return (done: number, total: number) => {
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    if (!tty) {
      const tenth = Math.floor(pct / 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      process.stderr.write(`${label} ${pct}% ${done}/${total}\n`);
      return;
    }
    const now = Date.now();
    if (now - last < 250 && done < total) return;
    last = now;
    const width = 30;
    const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '░');
    process.stderr.write(`\r${label} ${bar} ${pct}% ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
}
