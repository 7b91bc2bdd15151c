// Reading a large file on a worker thread: parsing (unzipping and reading XML for xlsx,
// decoding and splitting for CSV) then runs beside the validation and the database writes of
// the main thread instead of taking turns with them. Same Table as readTable().
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { readTable } from './read-table.ts';
import type { SentError, ToMain, ToWorker } from './table-worker-serve.ts';
import { ImportFileError, type Table, type TableInput, type TableRow } from './types.ts';

/** Files smaller than this are read on the calling thread: a worker costs a few hundred ms to start. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;
const READ_AHEAD = 4; // batches

const WORKER_URL = new URL('./table-worker.mjs', import.meta.url);

function received(e: SentError): Error {
  if (e.fileError) return new ImportFileError(e.fileError.code, e.fileError.params, e.message);
  return new Error(e.message);
}

/** Opens a table: on a worker thread when the file is large, otherwise as readTable does. */
export async function openTable(input: TableInput): Promise<Table> {
  if (!input.path || (await stat(input.path)).size < WORKER_MIN_BYTES) return readTable(input);
  return readTableInWorker(input);
}

export async function readTableInWorker(input: TableInput): Promise<Table> {
  const worker = new Worker(WORKER_URL, { workerData: { path: input.path, filename: input.filename, batchRows: input.batchRows } });
  const inbox: ToMain[] = [];
  let waiting: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: ToMain) => { inbox.push(m); waiting?.(); });
  worker.on('error', (e) => { failure = e; waiting?.(); });
  worker.on('exit', () => { failure ??= new Error('file reader stopped'); waiting?.(); });
  const next = async (): Promise<ToMain> => {
    while (inbox.length === 0) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (waiting = resolve));
      waiting = null;
    }
    return inbox.shift()!;
  };
  const tell = (m: ToWorker) => worker.postMessage(m);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    tell({ type: 'close' });
    await worker.terminate();
  };

  const first = await next().catch(async (e) => { await close(); throw e; });
  if (first.type === 'error') { await close(); throw received(first.error); }
  if (first.type !== 'header') { await close(); throw new Error('file reader sent no header'); }
  let progress = { bytesRead: 0, bytesTotal: (await stat(input.path!)).size };
  let consumed = false;

  async function* batches(): AsyncGenerator<TableRow[]> {
    if (consumed) throw new Error('table rows can be read only once');
    consumed = true;
    tell({ type: 'more', batches: READ_AHEAD });
    for (;;) {
      const m = await next();
      if (m.type === 'error') throw received(m.error);
      if (m.type === 'end') { progress = m.progress; return; }
      if (m.type !== 'batch') continue;
      progress = m.progress;
      tell({ type: 'more', batches: 1 });
      yield m.rows;
    }
  }

  return {
    ...first.table,
    batches,
    async *rows() { for await (const batch of batches()) yield* batch; },
    progress: () => progress,
    close,
  };
}
