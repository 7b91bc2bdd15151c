// The worker's side of table-in-worker.ts: opens the table, sends its header, then sends
// batches while the main thread has asked for more (so that it reads at most a few ahead).
import type { MessagePort } from 'node:worker_threads';
import { readTable } from './read-table.ts';
import { ImportFileError, type Table, type TableInput } from './types.ts';

export type ToMain =
  | { type: 'header'; table: Pick<Table, 'format' | 'encoding' | 'sheetName' | 'headerLine' | 'headers'> }
  | { type: 'batch'; rows: import('./types.ts').TableRow[]; progress: { bytesRead: number; bytesTotal: number } }
  | { type: 'end'; progress: { bytesRead: number; bytesTotal: number } }
  | { type: 'error'; error: SentError };

export type ToWorker = { type: 'more'; batches: number } | { type: 'close' };

export interface SentError { message: string; fileError?: { code: ImportFileError['code']; params: Record<string, string> } }

export function sendable(e: unknown): SentError {
  if (e instanceof ImportFileError) return { message: e.message, fileError: { code: e.code, params: e.params } };
  return { message: e instanceof Error ? e.message : String(e) };
}

export async function serveTable(port: MessagePort, input: TableInput): Promise<void> {
  const send = (m: ToMain) => port.postMessage(m);
  let table: Table;
  try {
    table = await readTable(input);
  } catch (e) {
    send({ type: 'error', error: sendable(e) });
    return;
  }
  const { format, encoding, sheetName, headerLine, headers } = table;
  send({ type: 'header', table: { format, encoding, sheetName, headerLine, headers } });

  let credit = 0;
  let closed = false;
  let wake: (() => void) | null = null;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'more') credit += m.batches;
    else closed = true;
    wake?.();
  });
  try {
    for await (const rows of table.batches()) {
      while (credit <= 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
      if (closed) break;
      credit--;
      send({ type: 'batch', rows, progress: table.progress() });
    }
    if (!closed) send({ type: 'end', progress: table.progress() });
  } catch (e) {
    send({ type: 'error', error: sendable(e) });
  } finally {
    await table.close();
    port.close();
  }
}
