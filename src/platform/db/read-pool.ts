// Read-only SQLite connections on worker threads. better-sqlite3 runs a query on the thread
// that asks; a long search there would stall every other request of the server. Heavy reads
// (person search pages and counts) go here instead, while the main connection keeps every
// write and every read inside a transaction. Requests made in the same turn of the event loop
// travel together (one message each way), and a statement's text crosses only once.
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';

interface Pending { resolve(rows: unknown[]): void; reject(e: Error): void }
type Request = [id: number, key: number, sql: string | null, params: readonly unknown[]];
type Answer = [id: number, rows: unknown[] | null, error: { message: string; code?: string } | null];
// Requests in flight by id, in a plain object rather than a Map. A Map that keeps gaining and losing
// entries rebuilds its table every few dozen of them (in the old generation, where a long-lived Map
// is), and each replaced table, now garbage, still holds the entries it had: those kept nearly every
// request's promise, and the rows it resolved to, alive past the minor collections that should have
// freed them. Under load, most of the server's heap was such garbage.
interface Reader { worker: Worker; pending: Record<number, Pending>; inFlight: number; known: Set<number>; outbox: Request[] }

const WORKER_URL = new URL('./read-worker.mjs', import.meta.url);
const MAX_STATEMENTS = 2_000;

export class ReadPool {
  private readonly readers: Reader[] = [];
  private readonly keys = new Map<string, number>();
  private nextId = 1;
  private next = 0;
  private flushing = false;
  private closed = false;

  constructor(file: string, size: number, cacheKiB = 16 * 1024) {
    for (let i = 0; i < size; i++) {
      const reader: Reader = { worker: new Worker(WORKER_URL, { workerData: { file, cacheKiB } }), pending: {}, inFlight: 0, known: new Set(), outbox: [] };
      reader.worker.on('message', (answers: Answer[]) => {
        for (const [id, rows, error] of answers) {
          const p = reader.pending[id];
          if (!p) continue;
          delete reader.pending[id];
          reader.inFlight--;
          if (error) p.reject(Object.assign(new Error(error.message), { code: error.code }));
          else p.resolve(rows!);
        }
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
    let reader = this.readers[this.next];
    this.next = (this.next + 1) % this.readers.length;
    for (const r of this.readers) if (r.inFlight < reader.inFlight) reader = r;
    let key = this.keys.get(query.sql);
    if (key === undefined) {
      if (this.keys.size >= MAX_STATEMENTS) this.forgetStatements();
      key = this.keys.size + 1;
      this.keys.set(query.sql, key);
    }
    const id = this.nextId++;
    const sql = reader.known.has(key) ? null : query.sql;
    reader.known.add(key);
    return new Promise<T[]>((resolve, reject) => {
      reader.pending[id] = { resolve: resolve as (rows: unknown[]) => void, reject };
      reader.inFlight++;
      reader.outbox.push([id, key, sql, query.parameters]);
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
  }

  private flush(): void {
    this.flushing = false;
    for (const r of this.readers) {
      if (r.outbox.length === 0) continue;
      r.worker.postMessage(r.outbox);
      r.outbox = [];
    }
  }

  /** Keys are only ever reused for the same text: a full table of them starts afresh everywhere. */
  private forgetStatements(): void {
    this.keys.clear();
    for (const r of this.readers) r.known.clear();
  }

  private failAll(reader: Reader, e: Error): void {
    const pending = reader.pending;
    reader.pending = {};
    reader.inFlight = 0;
    for (const p of Object.values(pending)) p.reject(e);
  }
}
