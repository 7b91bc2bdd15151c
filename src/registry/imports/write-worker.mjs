// The write thread of large imports (see write-thread.ts). Plain JS so that it starts without
// a loader; the TypeScript writer is loaded through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveWrites } = await import('./write-worker-serve.ts');
serveWrites(parentPort, workerData.file);
