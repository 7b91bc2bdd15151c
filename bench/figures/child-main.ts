// The process in-child.ts starts: one figure, its result as one JSON line on stdout.
import { importOnce } from './import.ts';
import { timeWriteFloor } from './write-floor.ts';

const [figure, json] = process.argv.slice(2);
const args = JSON.parse(json) as unknown[];
const run = figure === 'import'
  ? () => importOnce(...(args as Parameters<typeof importOnce>))
  : figure === 'floor' ? () => timeWriteFloor(...(args as Parameters<typeof timeWriteFloor>)) : null;
if (!run) throw new Error(`unknown figure ${figure}`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
process.exit(0);
