// The population count at the end of a bulk load (src/registry/imports/bulk-load.ts), on a
// thread of its own: it reads the registry through a connection of its own while the main one
// builds the search indexes (1M persons: the count, about 5 s, and the births and deaths, about
// 1 s, then hide behind the index builds). The caller must hold the write lock (BEGIN IMMEDIATE)
// before starting it, and change no person, span or event before writing the counts: nothing
// else can commit in between, so the thread's snapshot is exactly what the caller sees.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { vitalCountsSelect } from '../platform/db/migrations/006-vital-aggregates.ts';
import { countPopulation, type PopulationCounts } from './population-recount.ts';

const WORKER_URL = new URL('./population-count-worker.mjs', import.meta.url);

export const countThreadSettings = {
  /** Spans from which the count runs on a thread (starting one costs a few hundred ms). */
  minSpans: 200_000,
};

/** Whether the count of this connection's registry is worth a thread (a file, enough spans). */
export function wantsCountThread(sqlite: Database.Database): boolean {
  if (sqlite.memory) return false;
  const spans = sqlite.prepare('select max(rowid) from person_spans').pluck().get() as number | null;
  return (spans ?? 0) >= countThreadSettings.minSpans;
}

/**
 * What a thread counts: the population aggregates (null when countPopulation declines, a sex it
 * does not know) and the rows of stats_vital_counts as one JSON array text, in key order.
 */
export interface Recount {
  population: PopulationCounts | null;
  vital: string;
}

/** What the worker runs: both counts over one read transaction of the file. */
export function countPopulationInFile(file: string): Recount {
  const sqlite = new Database(file, { readonly: true });
  try {
    sqlite.pragma('cache_size = -65536');
    sqlite.exec('begin');
    try {
      const population = countPopulation(sqlite);
      const vital = JSON.stringify(sqlite.prepare(vitalCountsSelect()).raw(true).all());
      return { population, vital };
    } finally {
      sqlite.exec('commit');
    }
  } finally {
    sqlite.close();
  }
}

/**
 * Counts the registry in the SQLite file on a thread. Resolves with the counts, or undefined
 * when the thread failed (the caller then counts on its own connection); never rejects.
 */
export function countPopulationOnThread(file: string): Promise<Recount | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { workerData: { file: path.resolve(file) } });
    } catch {
      resolve(undefined);
      return;
    }
    CountThread.started++;
    worker.once('message', (m: { recount: Recount } | { error: string }) => resolve('recount' in m ? m.recount : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined)); // after a message: no effect
  });
}

/** Threads started in this process (for tests). */
export const CountThread = { started: 0 };
