// Before any load: one request at a time over a sample of the paths. Every answer must be
// 200 (and an exact ID number must find its person); the single-request times per kind of
// query are kept as a diagnostic, with the slowest paths.
import type { SearchKind, SearchPath } from '../figures/request-mix.ts';
import { step } from '../lib/log.ts';
import { median } from '../lib/stats.ts';

export interface Preflight {
  checked: number;
  perKind: Record<string, { n: number; medianMs: number; maxMs: number }>;
  slowest: { path: string; ms: number }[];
}

const SEARCH_SAMPLE = 400;
const PERSON_SAMPLE = 100;
const TIME_LIMIT_MS = 120_000;

async function get(baseUrl: string, cookie: string, path: string): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(baseUrl + path, { headers: { cookie, accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`preflight: GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as unknown };
}

export async function preflight(baseUrl: string, cookie: string, search: readonly SearchPath[], personPaths: readonly string[]): Promise<Preflight> {
  step(`preflight: checking ${Math.min(SEARCH_SAMPLE, search.length)} search and ${Math.min(PERSON_SAMPLE, personPaths.length)} person requests answer 200`);
  const deadline = Date.now() + TIME_LIMIT_MS;
  const times = new Map<SearchKind | 'person', number[]>();
  const all: { path: string; ms: number }[] = [];
  const record = (kind: SearchKind | 'person', path: string, ms: number) => {
    (times.get(kind) ?? times.set(kind, []).get(kind)!).push(ms);
    all.push({ path, ms });
  };
  for (const s of search.slice(0, SEARCH_SAMPLE)) {
    if (Date.now() > deadline) break;
    const { ms, body } = await get(baseUrl, cookie, s.path);
    const b = body as { items: { idNumber: string }[]; total: number };
    if (!Array.isArray(b.items)) throw new Error(`preflight: ${s.path} answered without items`);
    if (s.kind === 'id' && (b.total !== 1 || b.items.length !== 1)) throw new Error(`preflight: exact ID search ${s.path} found ${b.total} persons, expected 1`);
    record(s.kind, s.path, ms);
  }
  for (const p of personPaths.slice(0, PERSON_SAMPLE)) {
    if (Date.now() > deadline) break;
    const { ms, body } = await get(baseUrl, cookie, p);
    if (typeof (body as { id?: unknown }).id !== 'string') throw new Error(`preflight: ${p} answered without a person`);
    record('person', p, ms);
  }
  const perKind: Preflight['perKind'] = {};
  for (const [kind, ms] of times) perKind[kind] = { n: ms.length, medianMs: median(ms), maxMs: Math.max(...ms) };
  const slowest = [...all].sort((a, b) => b.ms - a.ms).slice(0, 8);
  return { checked: all.length, perKind, slowest };
}
