// Finds the benchmark parts: every `*.part.ts` file of this folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchPart } from './part.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function loadParts(): Promise<BenchPart[]> {
  const files = fs.readdirSync(here).filter((f) => f.endsWith('.part.ts')).sort();
  const parts: BenchPart[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default?: BenchPart };
    if (!mod.default?.name || typeof mod.default.run !== 'function') throw new Error(`bench/parts/${f} must default-export a BenchPart`);
    parts.push(mod.default);
  }
  return parts;
}
