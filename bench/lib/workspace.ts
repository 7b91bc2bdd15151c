// Where the benchmark keeps its files: a temp folder removed at the end, or the --keep folder
// whose city, CSV and xlsx are reused by later runs while their manifest still matches.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Workspace {
  root: string;
  kept: boolean;
  cityDb: string;
  csv: string;
  xlsx: string;
  /** Fresh databases of the import runs; emptied after each run. */
  scratch: string;
  /** Removes what must not outlive the run (everything unless --keep). */
  cleanup(): void;
}

export function openWorkspace(keep: string | null): Workspace {
  const root = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-bench-'));
  fs.mkdirSync(root, { recursive: true });
  const scratch = path.join(root, 'scratch');
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  let cleaned = false;
  return {
    root,
    kept: keep !== null,
    cityDb: path.join(root, 'city', 'city.db'),
    csv: path.join(root, 'persons.csv'),
    xlsx: path.join(root, 'persons.xlsx'),
    scratch,
    cleanup() {
      if (cleaned) return;
      cleaned = true;
      fs.rmSync(keep === null ? root : scratch, { recursive: true, force: true });
    },
  };
}

/** Removes a SQLite database with its WAL and shared-memory files. */
export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Writes out the dirty pages the previous figures left in the page cache (`sync`), so that the
 * kernel's write-back of gigabytes of import files does not land in the next figure's timing.
 */
export function flushWrites(): void {
  try {
    execFileSync('sync', { timeout: 120_000 });
  } catch {
    // not fatal: the figure is only noisier
  }
}

/** Hash of the sources that decide what a seeded city contains (generator and schema). */
export function cityCodeHash(): string {
  const h = createHash('sha256');
  for (const dir of ['src/registry/seed', 'src/platform/db/migrations']) {
    const abs = path.join(REPO_ROOT, dir);
    for (const name of fs.readdirSync(abs).filter((n) => n.endsWith('.ts')).sort()) {
      h.update(`${dir}/${name}\0`);
      h.update(fs.readFileSync(path.join(abs, name)));
    }
  }
  for (const file of ['src/registry/id-number.ts', 'src/registry/spans.ts']) h.update(fs.readFileSync(path.join(REPO_ROOT, file)));
  return h.digest('hex').slice(0, 16);
}

export interface Manifest {
  city?: { key: string; persons: number; seconds: number; events: number; families: number; personsPerSecond: number };
  csv?: { key: string; rows: number; skippedMalformedIds: number; blankedRelativeIds: number; bytes: number; sha256: string };
  xlsx?: { key: string; rows: number; bytes: number };
}

const manifestPath = (ws: Workspace) => path.join(ws.root, 'manifest.json');

export function readManifest(ws: Workspace): Manifest {
  if (!ws.kept) return {};
  try {
    return JSON.parse(fs.readFileSync(manifestPath(ws), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

export function writeManifest(ws: Workspace, m: Manifest): void {
  if (ws.kept) fs.writeFileSync(manifestPath(ws), JSON.stringify(m, null, 2));
}
