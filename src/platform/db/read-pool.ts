// Read-only SQLite connections on worker threads. better-sqlite3 runs a query on the thread
// that asks; a long search there would stall every other request of the server. Heavy reads
// (person search pages and counts) go here instead, each to the least busy reader, while the
// main connection keeps every write and every read inside a transaction.
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';

interface Pending { resolve(rows: unknown[]): void; reject(e: Error): void }
interface Reader { worker: Worker; pending: Map<number, Pending> }

const WORKER_URL = new URL('./read-worker.mjs', import.meta.url);

export class ReadPool {
  private readonly readers: Reader[] = [];
  private nextId = 1;
  private closed = false;

  constructor(file: string, size: number, cacheKiB = 32 * 1024) {
    for (let i = 0; i < size; i++) {
      const reader: Reader = { worker: new Worker(WORKER_URL, { workerData: { file, cacheKiB } }), pending: new Map() };
      reader.worker.on('message', (m: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
        const p = reader.pending.get(m.id);
        if (!p) return;
        reader.pending.delete(m.id);
        if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
        else p.resolve(m.rows!);
      });
      reader.worker.on('error', (e) => this.failAll(reader, e));
      reader.worker.on('exit', () => this.failAll(reader, new Error('database reader stopped')));
      reader.worker.unref();
      this.readers.push(reader);
    }
  }

  get size(): number {
    return this.readers.length;
  }

  /** The rows of one compiled SELECT, read on the least busy reader. */
  all<T>(query: CompiledQuery): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('database readers are closed'));
    let reader = this.readers[0];
    for (const r of this.readers) if (r.pending.size < reader.pending.size) reader = r;
    const id = this.nextId++;
    return new Promise<T[]>((resolve, reject) => {
      reader.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      reader.worker.postMessage({ id, sql: query.sql, params: query.parameters });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
  }

  private failAll(reader: Reader, e: Error): void {
    for (const p of reader.pending.values()) p.reject(e);
    reader.pending.clear();
  }
}
