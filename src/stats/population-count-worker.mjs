// The thread of population-count-thread.ts. Plain JS so that it starts without a loader; the
// TypeScript count is loaded through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
try {
  const { countPopulationInFile } = await import('./population-count-thread.ts');
  const recount = countPopulationInFile(workerData.file);
  const counts = recount.population;
  const buffers = counts ? [...counts.deltas, ...counts.totals].map((a) => a.buffer) : [];
  parentPort.postMessage({ recount }, buffers);
} catch (e) {
  parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
