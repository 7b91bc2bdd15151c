// Figures 3-5 on the real server: person search under load, the person page, and the
// server's memory during and after the load. The server is stopped whatever happens.
import { buildRequestMix, countKinds } from '../figures/request-mix.ts';
import { runLoad, type LoadRun } from '../figures/load.ts';
import { step } from '../lib/log.ts';
import type { BenchResults } from '../report/results.ts';
import { readMemory, sampleMemory } from './memory.ts';
import { preflight } from './preflight.ts';
import { startServer, type Server } from './server.ts';

export interface ServerFigureOptions {
  cityDb: string;
  logDir: string;
  runs: number;
  seed: number;
  wantSearch: boolean;
  wantPerson: boolean;
}

const SEARCH = { connections: 50, seconds: 30 };
const PERSON = { connections: 10, seconds: 20 };
const WARMUP = { connections: 10, seconds: 5 };
const SETTLE_MS = 3_000;

const brief = (x: LoadRun) =>
  `p50 ${x.p50Ms.toFixed(1)} ms, p99 ${x.p99Ms.toFixed(1)} ms, ${Math.round(x.reqPerSec)} req/s, errors ${x.errors}, non-2xx ${x.non2xx}`;

export async function runServerFigures(o: ServerFigureOptions, r: BenchResults): Promise<void> {
  step('drawing the request mix from the city');
  const mix = buildRequestMix(o.cityDb, o.seed);
  const s: NonNullable<BenchResults['server']> = { requestMix: { ...countKinds(mix.search), person: mix.personPaths.length }, search: [], person: [] };
  r.server = s;
  let server: Server | null = null;
  try {
    server = await startServer(o.cityDb, o.logDir);
    const start = readMemory(server.pid);
    const sampler = sampleMemory(server.pid);
    const searchPaths = mix.search.map((x) => x.path);
    s.preflight = await preflight(server.baseUrl, server.cookie, mix.search, mix.personPaths);
    const base = { baseUrl: server.baseUrl, cookie: server.cookie };
    step('warm-up (not measured)');
    await runLoad({ ...base, paths: [...searchPaths, ...mix.personPaths], ...WARMUP }, 'warm-up');
    for (let i = 1; o.wantSearch && i <= o.runs; i++) {
      s.search.push(await runLoad({ ...base, paths: searchPaths, ...SEARCH }, `search run ${i}/${o.runs}`));
      step(`  ${brief(s.search.at(-1)!)}`);
    }
    for (let i = 1; o.wantPerson && i <= o.runs; i++) {
      s.person.push(await runLoad({ ...base, paths: mix.personPaths, ...PERSON }, `person page run ${i}/${o.runs}`));
      step(`  ${brief(s.person.at(-1)!)}`);
    }
    const during = sampler.stop();
    await new Promise((res) => setTimeout(res, SETTLE_MS));
    const after = readMemory(server.pid);
    if (start && after) {
      s.memory = { startMiB: start.rssMiB, peakRssDuringLoadMiB: during.peakRssMiB, hwmMiB: after.hwmMiB, afterMiB: after.rssMiB };
      step(`server memory: start ${start.rssMiB.toFixed(0)} MiB, peak ${Math.max(after.hwmMiB, during.peakRssMiB).toFixed(0)} MiB, after ${after.rssMiB.toFixed(0)} MiB`);
    }
  } finally {
    if (server) {
      step('stopping the server');
      await server.stop();
    }
  }
}
