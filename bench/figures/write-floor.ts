// A second baseline of figure 1 (info): the rows a CSV import run wrote (persons, spans, events),
// written again to a fresh database as plain prepared inserts, with nothing read, validated or
// planned, the way a large import writes them (search indexes and aggregate triggers dropped,
// transactions of COMMIT_ROWS persons); then the indexes built and the aggregates counted, as at
// the end of a large import. Import − floor is what validation and planning cost; floor − raw
// `.import` is what the schema costs (keys, the unique ID number, spans, search indexes, statistics).
import path from 'node:path';
import Database from 'better-sqlite3';
import { COMMIT_ROWS } from '../../src/registry/imports/import-writer.ts';
import { restoreDerived, suspendDerived } from '../../src/registry/imports/bulk-load.ts';
import { bootSqlite } from '../data/city.ts';
import { elapsedSince, step } from '../lib/log.ts';
import { removeDb } from '../lib/workspace.ts';

export interface FloorRun {
  /** Inserts and commits. */
  writes: number;
  /** Index builds and the aggregates' count. */
  derived: number;
}

const SPAN_COLS = ['person_id', 'start_date', 'end_date', 'hukou_area_code', 'residence_area_code'];

export async function timeWriteFloor(sourceDb: string, scratchDir: string): Promise<FloorRun> {
  const src = new Database(sourceDb, { readonly: true });
  const columns = (table: string) => src.prepare(`select * from ${table} limit 1`).columns().map((x) => x.name);
  const personCols = columns('persons');
  const eventCols = columns('population_events');
  const persons = src.prepare('select * from persons order by id').raw(true).all() as unknown[][];
  const spans = src.prepare(`select ${SPAN_COLS.join(', ')} from person_spans order by person_id, start_date`).raw(true).all() as unknown[][];
  const events = src.prepare('select * from population_events order by person_id').raw(true).all() as unknown[][];
  src.close();
  const dbFile = path.join(scratchDir, 'floor.db');
  removeDb(dbFile);
  const ctx = await bootSqlite(dbFile);
  try {
    await suspendDerived(ctx.db);
    const db = ctx.db.sqlite!;
    const insert = (table: string, cols: string[]) => db.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
    const insertPerson = insert('persons', personCols);
    const insertSpan = insert('person_spans', SPAN_COLS);
    const insertEvent = insert('population_events', eventCols);
    const personIdOfEvent = eventCols.indexOf('person_id');
    const t0 = process.hrtime.bigint();
    let s = 0;
    let e = 0;
    for (let i = 0; i < persons.length; i += COMMIT_ROWS) {
      const part = persons.slice(i, i + COMMIT_ROWS);
      const lastId = part[part.length - 1][0] as string;
      db.transaction(() => {
        for (const p of part) insertPerson.run(p);
        while (s < spans.length && (spans[s][0] as string) <= lastId) insertSpan.run(spans[s++]);
        while (e < events.length && (events[e][personIdOfEvent] as string) <= lastId) insertEvent.run(events[e++]);
      })();
    }
    const writes = elapsedSince(t0);
    const t1 = process.hrtime.bigint();
    await restoreDerived(ctx.db);
    const derived = elapsedSince(t1);
    step(`  floor (the same rows as plain inserts): writes ${writes.toFixed(2)} s, indexes and aggregates ${derived.toFixed(2)} s`);
    return { writes, derived };
  } finally {
    await ctx.db.close();
    removeDb(dbFile);
  }
}
