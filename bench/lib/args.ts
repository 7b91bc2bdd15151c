// Command-line flags of `npm run bench`.
import path from 'node:path';

export const FIGURE_NAMES = ['csv', 'xlsx', 'search', 'person', 'memory'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export interface BenchArgs {
  persons: number;
  runs: number;
  /** Registry figures and part names (bench/parts) to run. */
  only: Set<string>;
  keep: string | null;
  seed: number;
}

export const usage = (parts: readonly string[] = []) => `usage: npm run bench -- [--persons N] [--runs K] [--only ${[...FIGURE_NAMES, ...parts].join(',')}] [--keep DIR] [--seed S]
  --persons N   size of the synthetic city (default 1000000)
  --runs K      runs of each timed figure; the median is reported (default 3)
  --only LIST   run a subset of the figures (comma-separated)
  --keep DIR    keep the built city, CSV and xlsx in DIR and reuse them next time
  --seed S      seed of the synthetic city (default 1)`;

function positiveInt(flag: string, raw: string | undefined, max: number): number {
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n < 1 || n > max) throw new Error(`${flag} needs a whole number from 1 to ${max}, got ${raw ?? 'nothing'}`);
  return n;
}

/** `parts`: the names of the benchmark parts found in bench/parts, selectable like figures. */
export function parseArgs(argv: readonly string[], parts: readonly string[] = []): BenchArgs {
  const all: readonly string[] = [...FIGURE_NAMES, ...parts];
  const out: BenchArgs = { persons: 1_000_000, runs: 3, only: new Set(all), keep: null, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--persons': out.persons = positiveInt(flag, value(), 20_000_000); break;
      case '--runs': out.runs = positiveInt(flag, value(), 50); break;
      case '--seed': out.seed = positiveInt(flag, value(), 2 ** 31 - 1); break;
      case '--keep': {
        const dir = value();
        if (!dir) throw new Error('--keep needs a directory');
        out.keep = path.resolve(dir);
        break;
      }
      case '--only': {
        const names = (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const bad = names.filter((n) => !all.includes(n));
        if (names.length === 0 || bad.length) throw new Error(`--only takes ${all.join(',')}; unknown: ${bad.join(',') || '(empty)'}`);
        out.only = new Set(names);
        break;
      }
      case '--help': case '-h': console.log(usage(parts)); process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default: throw new Error(`unknown flag ${argv[i]}\n${usage(parts)}`);
    }
  }
  return out;
}
