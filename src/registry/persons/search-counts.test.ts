import { describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.ts';
import { cachedCount, COUNT_TTL_MS, forgetCounts } from './search-counts.ts';

describe('remembered search totals', () => {
  const counter = () => {
    let n = 0;
    return { count: async () => ++n, get calls() { return n; } };
  };

  it('counts once while fresh, again when old, per database and key', async () => {
    const db = {} as Db, other = {} as Db;
    const c = counter();
    expect(await cachedCount(db, 'a', c.count, 0)).toBe(1);
    expect(await cachedCount(db, 'a', c.count, COUNT_TTL_MS - 1)).toBe(1);
    expect(await cachedCount(db, 'b', c.count, 1)).toBe(2);
    expect(await cachedCount(other, 'a', c.count, 1)).toBe(3);
    expect(await cachedCount(db, 'a', c.count, COUNT_TTL_MS)).toBe(4);
  });

  it('forgets everything on a change, counts still running included', async () => {
    const db = {} as Db;
    let release!: (n: number) => void;
    const running = cachedCount(db, 'k', () => new Promise<number>((r) => { release = r; }), 0);
    forgetCounts(db);
    release(7);
    expect(await running).toBe(7);
    expect(await cachedCount(db, 'k', async () => 8, 1)).toBe(8);
    forgetCounts(db);
    expect(await cachedCount(db, 'k', async () => 9, 2)).toBe(9);
  });

  it('does not keep a failed count', async () => {
    const db = {} as Db;
    await expect(cachedCount(db, 'k', async () => { throw new Error('db down'); }, 0)).rejects.toThrow('db down');
    expect(await cachedCount(db, 'k', async () => 5, 1)).toBe(5);
  });
});
