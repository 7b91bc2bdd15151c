// Deterministic synthetic population of a region: `generatePopulation` yields batches of
// families, persons and population events, ready to insert. See README.md in this folder.
import { isRealDate } from '../id-number.ts';
import { Region, type VillageInput } from './areas.ts';
import { buildBatch } from './batch.ts';
import { dayOf, parseDay } from './dates.ts';
import { IdNumberAllocator, UuidFactory } from './ids.ts';
import type { RunContext } from './model.ts';
import { Rng } from './prng.ts';
import { toRows, type SeedBatch } from './rows.ts';

export type { NewFamily, SeedBatch } from './rows.ts';
export type { VillageInput } from './areas.ts';

export interface GenerateOptions {
  /** 12-digit village/community codes of the region with their names. */
  villages: readonly VillageInput[];
  /** Exact number of person rows to produce (alive, dead and moved out together). */
  persons: number;
  /** Any integer (used modulo 2^32). */
  seed: number;
  /** YYYY-MM-DD: events run up to this day; created_at of every row is its midnight UTC. */
  today: string;
  /** First simulated year (events from 1 January); default 2013. */
  startYear?: number;
  /** Persons per batch; default 5000. */
  batchSize?: number;
}

export function generatePopulation(opts: GenerateOptions): Iterable<SeedBatch> {
  const startYear = opts.startYear ?? 2013;
  const batchSize = opts.batchSize ?? 5000;
  if (!Number.isInteger(opts.persons) || opts.persons < 0) throw new Error('persons must be a non-negative integer');
  if (!Number.isInteger(batchSize) || batchSize < 100) throw new Error('batchSize must be an integer of at least 100');
  if (!Number.isInteger(opts.seed)) throw new Error('seed must be an integer');
  const [y, m, d] = opts.today.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today) || !isRealDate(y, m, d)) throw new Error('today must be a date YYYY-MM-DD');
  const today = parseDay(opts.today);
  const t0 = dayOf(startYear, 1, 1);
  if (t0 > today) throw new Error('startYear must not be after today');
  const region = new Region(opts.villages);
  return {
    *[Symbol.iterator]() {
      const rng = new Rng(opts.seed);
      const ctx: RunContext = {
        rng,
        uuid: new UuidFactory(rng, today * 86_400_000),
        idNumbers: new IdNumberAllocator(today),
        region,
        t0,
        today,
        instant: `${opts.today}T00:00:00.000Z`,
        householdSeq: new Int32Array(region.size),
        growth: { founders: 0, start: 0, end: 0 },
      };
      for (let done = 0; done < opts.persons;) {
        const target = Math.min(batchSize, opts.persons - done);
        yield toRows(buildBatch(ctx, target));
        done += target;
      }
    },
  };
}
