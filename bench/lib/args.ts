// Command-line flags of `npm run bench`.
import path from 'node:path';

export const FIGURE_NAMES = ['csv', 'xlsx', 'search', 'person', 'memory'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export interface BenchArgs {
  persons: number;
  runs: number;
  only: Set<FigureName>;
  keep: string | null;
  seed: number;
}

export const USAGE = `usage: npm run bench -- [--persons N] [--runs K] [--only ${FIGURE_NAMES.join(',')}] [--keep DIR] [--seed S]
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

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { persons: 1_000_000, runs: 3, only: new Set(FIGURE_NAMES), keep: null, seed: 1 };
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
        const bad = names.filter((n) => !(FIGURE_NAMES as readonly string[]).includes(n));
        if (names.length === 0 || bad.length) throw new Error(`--only takes ${FIGURE_NAMES.join(',')}; unknown: ${bad.join(',') || '(empty)'}`);
        out.only = new Set(names as FigureName[]);
        break;
      }
      case '--help': case '-h': console.log(USAGE); process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default: throw new Error(`unknown flag ${argv[i]}\n${USAGE}`);
    }
  }
  return out;
}
