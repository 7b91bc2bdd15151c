// Reads an imported file on a worker thread (see table-in-worker.ts). Plain JS so that it
// starts without a loader; the TypeScript reader is loaded through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveTable } = await import('./table-worker-serve.ts');
await serveTable(parentPort, workerData);
