// A large persons import into a SQLite file writes on a thread of its own: better-sqlite3 runs
// a statement on the thread that asks, so on the main thread the writes of one group and the
// validation and planning of the next took turns; here they run side by side on two cores.
// Each chunk is one transaction on the thread's own connection (WAL: the main connection's
// look-ups read beside it); write() resolves once it is committed.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Chunk } from '../bulk.repository.ts';
import type { PackedChunk } from '../packed-chunk.ts';
import type { FromWriter, ToWriter } from './write-worker-serve.ts';

const WORKER_URL = new URL('./write-worker.mjs', import.meta.url);

export class WriteThread {
  /** Threads started in this process (for tests and diagnostics). */
  static started = 0;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(): void; reject(e: Error): void }>();
  private nextId = 1;
  private stopped: Error | null = null;

  constructor(file: string) {
    this.worker = new Worker(WORKER_URL, { workerData: { file } });
    WriteThread.started++;
    this.worker.on('message', (m: FromWriter) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else w.resolve();
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', () => this.fail(new Error('import write thread stopped')));
  }

  /** Writes the chunk (plain, or packed: cheaper to post) in one transaction; resolves when it is committed. */
  write(chunk: Chunk | PackedChunk): Promise<void> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, chunk } satisfies ToWriter);
    });
  }

  /** Closes the thread's connection and waits for the thread to end (after the writes sent). */
  async close(): Promise<void> {
    if (this.stopped) return;
    const exited = once(this.worker, 'exit');
    this.worker.postMessage(null satisfies ToWriter);
    await exited.catch(() => undefined); // an 'error' event: already recorded by fail()
  }

  private fail(e: Error): void {
    this.stopped ??= e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
