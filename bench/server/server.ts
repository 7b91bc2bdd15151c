// The real server as a child process (`node bin/renkou.mjs serve`) on loopback, signed in
// as the administrator. The child is killed when the benchmark ends, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REGION } from '../data/city.ts';
import { step } from '../lib/log.ts';
import { REPO_ROOT } from '../lib/workspace.ts';

const HOST = '127.0.0.1';
const ADMIN_PASSWORD = 'bench-Renkou-2026'; // created by the server at first start on the bench city
const START_TIMEOUT_MS = 120_000;

export interface Server {
  pid: number;
  baseUrl: string;
  /** Cookie header of the signed-in administrator. */
  cookie: string;
  logFile: string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => { for (const c of live) c.kill('SIGKILL'); });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitHealthy(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let attempt = 0; attempt < 1000 && Date.now() < deadline; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited during start-up:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
  throw new Error(`server not healthy after ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
}

async function login(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('renkou_sid='));
  if (!sid) throw new Error('sign-in answered without the renkou_sid cookie');
  const body = (await res.json()) as { user: { areaCode: string; permissions: string[] } };
  if (body.user.areaCode !== REGION || !body.user.permissions.includes('persons.read')) {
    throw new Error(`admin is not a ${REGION} user with persons.read (it was created elsewhere?): ${JSON.stringify(body.user)}`);
  }
  return sid;
}

export async function startServer(cityDb: string, logDir: string): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const logFile = path.join(logDir, 'server.log');
  const log = fs.openSync(logFile, 'w');
  step(`starting the server on ${baseUrl} (log: ${logFile})`);
  // RENKOU_BENCH_PROFILE=DIR: the server writes a CPU profile (.cpuprofile) into DIR when it stops.
  const profile = process.env.RENKOU_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.RENKOU_BENCH_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(REPO_ROOT, 'bin/renkou.mjs'), 'serve'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', log, log],
    env: {
      ...process.env, PORT: String(port), HOST, DATABASE_URL: `file:${cityDb}`, RENKOU_DEMO: '0',
      RENKOU_ADMIN_PASSWORD: ADMIN_PASSWORD, RENKOU_REGION: REGION, RENKOU_AREA_PROVINCES: '51', NODE_ENV: 'production',
    },
  });
  fs.closeSync(log);
  live.add(child);
  const exited = new Promise<void>((r) => child.once('exit', () => { live.delete(child); r(); }));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(5_000)]);
    }
  };
  try {
    if (!child.pid) throw new Error('could not start the server process');
    await waitHealthy(baseUrl, child, logFile);
    const cookie = await login(baseUrl);
    step(`server up (pid ${child.pid}), signed in as admin`);
    return { pid: child.pid, baseUrl, cookie, logFile, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
