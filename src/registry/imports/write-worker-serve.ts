// The write thread's side of write-thread.ts: a connection of its own to the SQLite file, and
// each chunk it is sent written in one transaction, answered once committed (or failed).
import type { MessagePort } from 'node:worker_threads';
import { sqliteConnection } from '../../platform/db/sqlite-connection.ts';
import { writeSqlite, type Chunk } from '../bulk.repository.ts';
import type { PackedChunk } from '../packed-chunk.ts';

/** A chunk to write, or null: close the connection and stop. */
export type ToWriter = { id: number; chunk: Chunk | PackedChunk } | null;
export interface FromWriter { id: number; error: { message: string; code?: string } | null }

export function serveWrites(port: MessagePort, file: string): void {
  const sqlite = sqliteConnection(file);
  port.on('message', (m: ToWriter) => {
    if (m === null) {
      sqlite.close();
      port.close();
      return;
    }
    let error: FromWriter['error'] = null;
    try {
      writeSqlite(sqlite, m.chunk);
    } catch (e) {
      error = { message: e instanceof Error ? e.message : String(e), code: (e as { code?: string }).code };
    }
    port.postMessage({ id: m.id, error } satisfies FromWriter);
  });
}
