import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table.ts';

describe('IdTable', () => {
  it('gives positions in order of first addition and finds them again', () => {
    const t = new IdTable();
    expect(t.add('b')).toBe(0);
    expect(t.add('a')).toBe(1);
    expect(t.add('b')).toBe(0);
    expect(t.find('a')).toBe(1);
    expect(t.find('c')).toBe(-1);
    expect(t.ids).toEqual(['b', 'a']);
    expect(t.size).toBe(2);
  });

  it('keeps every id through many growths, as a Map would', () => {
    const t = new IdTable();
    const m = new Map<string, number>();
    const added: number[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const id = `0190${((i * 7919) % 20_000).toString(16).padStart(8, '0')}-${i % 3 ? 'x' : ''}`;
      if (!m.has(id)) m.set(id, m.size);
      expected.push(m.get(id)!);
      added.push(t.add(id));
    }
    expect(added).toEqual(expected);
    expect([...m.keys()].map((id) => t.find(id))).toEqual([...m.values()]);
    expect(t.find('')).toBe(-1);
    expect(t.size).toBe(m.size);
  });
});
