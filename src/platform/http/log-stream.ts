// Log lines reach stdout in batches: one write per turn of the event loop, not one per line
// (under load a synchronous write per request costs more than many of the requests). Whatever
// is pending is written before the process exits.
export function batchedStdout(out: NodeJS.WritableStream = process.stdout) {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    out.write(text);
  };
  process.on('exit', flush);
  return {
    write(line: string) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
  };
}
