// A part's own benchmark figures (statistics, benefits…). Each `bench/parts/<name>.part.ts`
// default-exports a BenchPart; `npm run bench` runs it after the registry figures, on the same
// kept city, when its name is selected (`--only <name>`, or no --only at all).
import type { BenchArgs } from '../lib/args.ts';
import type { FigureRow } from '../report/results.ts';
import type { Workspace } from '../lib/workspace.ts';

export interface BenchPartContext {
  args: BenchArgs;
  ws: Workspace;
  /** The seeded city (SQLite file, migrated, areas loaded); copy it before writing to it. */
  cityDb: string;
  persons: number;
  /** Things the reader must know; printed and written with the results. */
  notes: string[];
}

export interface BenchPart {
  name: string;
  /** One line for `--help`. */
  description: string;
  run(ctx: BenchPartContext): Promise<FigureRow[]>;
}
