import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from './generate.ts';
import { collect, mianyangVillages } from './test-support.ts';

const TODAY = '2025-06-30';
const digest = (seed: number, persons = 3000) => {
  const h = createHash('sha256');
  for (const b of generatePopulation({ villages: mianyangVillages(), persons, seed, today: TODAY, batchSize: 1000 })) h.update(JSON.stringify(b));
  return h.digest('hex');
};

describe('generatePopulation', () => {
  it('gives byte-identical output for the same seed and options', () => {
    expect(digest(7)).toBe(digest(7));
  });

  it('gives different output for another seed', () => {
    expect(digest(8)).not.toBe(digest(7));
  });

  it('produces exactly the requested number of persons, in batches of the requested size', () => {
    const run = collect({ persons: 2345, seed: 1, today: TODAY, batchSize: 1000 });
    expect(run.batchSizes).toEqual([1000, 1000, 345]);
    expect(run.persons.length).toBe(2345);
    expect(collect({ persons: 7, seed: 1, today: TODAY }).persons.length).toBe(7);
    expect(collect({ persons: 0, seed: 1, today: TODAY }).persons.length).toBe(0);
  });

  it('uses UUIDv7-shaped ids, unique over persons, events and families', () => {
    const run = collect({ persons: 5000, seed: 2, today: TODAY });
    const ids = [...run.persons, ...run.events, ...run.families].map((r) => r.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stamps every row with version 1, synthetic 1 and an instant derived from today', () => {
    const run = collect({ persons: 1000, seed: 3, today: TODAY });
    for (const p of run.persons) {
      expect(p).toMatchObject({ version: 1, synthetic: 1, created_at: '2025-06-30T00:00:00.000Z', updated_at: '2025-06-30T00:00:00.000Z' });
    }
    for (const r of [...run.events, ...run.families]) expect(r.created_at).toBe('2025-06-30T00:00:00.000Z');
  });

  it('rejects bad options', () => {
    const villages = mianyangVillages();
    expect(() => generatePopulation({ villages, persons: -1, seed: 1, today: TODAY })).toThrow();
    expect(() => generatePopulation({ villages, persons: 10, seed: 1, today: '2025/06/30' })).toThrow();
    expect(() => generatePopulation({ villages, persons: 10, seed: 1, today: '2025-02-30' })).toThrow();
    expect(() => generatePopulation({ villages, persons: 10, seed: 1.5, today: TODAY })).toThrow();
    expect(() => generatePopulation({ villages, persons: 10, seed: 1, today: TODAY, startYear: 2030 })).toThrow();
    expect(() => generatePopulation({ villages: [], persons: 10, seed: 1, today: TODAY })).toThrow();
  });
});
