// One load test: autocannon against the running server, every request taking the next path
// of a fixed list (so a run is the same sequence of queries every time).
import autocannon, { type Result } from 'autocannon';
import { step } from '../lib/log.ts';

export interface LoadRun {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p99_9Ms: number;
  maxMs: number;
  /** The slowest responses of the run, with their paths. */
  slowest: { path: string; ms: number }[];
  reqPerSec: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface LoadSpec {
  baseUrl: string;
  cookie: string;
  paths: readonly string[];
  connections: number;
  seconds: number;
}

export function runLoad(spec: LoadSpec, label: string): Promise<LoadRun> {
  if (spec.paths.length === 0) throw new Error(`${label}: no request paths`);
  let next = 0;
  const slowest = new SlowList(8);
  step(`${label}: ${spec.connections} connections for ${spec.seconds} s over ${spec.paths.length.toLocaleString('en-US')} paths`);
  return new Promise((resolve, reject) => {
    // autocannon stops itself after `duration`; the guard only covers a hung client.
    const guard = setTimeout(() => { instance.stop(); reject(new Error(`${label}: autocannon did not finish in time`)); }, (spec.seconds + 60) * 1000);
    const instance = autocannon({
      url: spec.baseUrl,
      connections: spec.connections,
      duration: spec.seconds,
      timeout: 10,
      headers: { cookie: spec.cookie, accept: 'application/json' },
      setupClient: (client) => client.on('response', (_status, _bytes, ms) => {
        if (slowest.accepts(ms)) slowest.add(requestPath(client.requestIterator.currentRequest.requestBuffer), ms);
      }),
      requests: [{
        method: 'GET',
        setupRequest: (req) => {
          const path = spec.paths[next];
          next = (next + 1) % spec.paths.length;
          return { ...req, path };
        },
      }],
    }, (err, r) => {
      clearTimeout(guard);
      if (err) reject(err);
      else resolve(summarise(r, slowest.items));
    });
  });
}

/** The first line of a raw request: "GET /path HTTP/1.1". */
function requestPath(buf: Buffer | undefined): string {
  if (!buf) return '?';
  const line = buf.subarray(0, Math.min(buf.length, 512)).toString('latin1').split('\r\n', 1)[0];
  return line.split(' ')[1] ?? '?';
}

/** The n largest values seen, with their labels. */
class SlowList {
  readonly items: { path: string; ms: number }[] = [];
  constructor(private readonly n: number) {}
  accepts(ms: number): boolean {
    return this.items.length < this.n || ms > this.items[this.items.length - 1].ms;
  }
  add(path: string, ms: number): void {
    this.items.push({ path, ms });
    this.items.sort((a, b) => b.ms - a.ms);
    if (this.items.length > this.n) this.items.pop();
  }
}

function summarise(r: Result, slowest: { path: string; ms: number }[]): LoadRun {
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = Number(s.count);
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    p50Ms: r.latency.p50, p90Ms: r.latency.p90, p99Ms: r.latency.p99, p99_9Ms: r.latency.p99_9, maxMs: r.latency.max, slowest,
    reqPerSec: requests / r.duration, requests, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, statusCodes,
  };
}
