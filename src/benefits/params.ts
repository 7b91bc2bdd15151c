// Dated parameters (domain.md §3): a series of {from, value, reference}; the value in force on a
// date is the one with the latest `from` ≤ that date, and `value: null` ends it. Jurisdictions
// layer by area-code prefix ('CN' is the national floor).

export interface DatedValue<T = unknown> {
  from: string;
  value: T | null;
  reference: string;
}
export type Series<T = unknown> = DatedValue<T>[];
/** One parameter, by jurisdiction ('CN', '51', '5101', '510107'…). */
export type Layered<T = unknown> = Record<string, Series<T>>;

export const FUNDING_SOURCES = ['central', 'provincial', 'city', 'county'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
/** Percent shares by source, summing to 100. */
export type FundingShare = Partial<Record<FundingSource, number>>;

/** A value used by a computation, with where it came from (stored on roster lines). */
export interface UsedValue {
  value: unknown;
  from: string;
  reference: string;
  jurisdiction: string;
}

export function valueAt<T>(series: Series<T> | undefined, date: string): DatedValue<T> | null {
  if (!series) return null;
  let best: DatedValue<T> | null = null;
  for (const v of series) if (v.from <= date && (!best || v.from >= best.from)) best = v;
  return best && best.value !== null ? best : null;
}

/** The jurisdictions that apply to an area, from the broadest: CN, 51, 5101, 510107… */
export function jurisdictionChain(area: string): string[] {
  const out = ['CN'];
  for (const len of [2, 4, 6, 9, 12]) if (area.length >= len) out.push(area.slice(0, len));
  return out;
}

export interface LayerValue<T> extends UsedValue {
  value: T;
}

/** Every layer of a parameter in force for the area on the date, broadest first. */
export function layersAt<T>(param: Layered<T> | undefined, area: string, date: string): LayerValue<T>[] {
  if (!param) return [];
  const out: LayerValue<T>[] = [];
  for (const j of jurisdictionChain(area)) {
    const v = valueAt(param[j], date);
    if (v) out.push({ value: v.value as T, from: v.from, reference: v.reference, jurisdiction: j });
  }
  return out;
}

/** The most specific value in force (a replacement, not a top-up). */
export function effective<T>(param: Layered<T> | undefined, area: string, date: string): LayerValue<T> | null {
  const layers = layersAt(param, area, date);
  return layers.length ? layers[layers.length - 1] : null;
}

/** Splits fen by percent shares; the remainder of rounding goes to the largest share, so parts sum exactly. */
export function splitFen(fen: number, share: FundingShare): Partial<Record<FundingSource, number>> {
  const entries = FUNDING_SOURCES.filter((s) => (share[s] ?? 0) > 0).map((s) => [s, share[s]!] as const);
  if (fen === 0 || entries.length === 0) return {};
  const total = entries.reduce((a, [, p]) => a + p, 0);
  const out: Partial<Record<FundingSource, number>> = {};
  let given = 0;
  for (const [s, p] of entries) given += out[s] = Math.floor((fen * p) / total);
  const largest = entries.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  out[largest]! += fen - given;
  return out;
}

export function addSplit(a: Partial<Record<FundingSource, number>>, b: Partial<Record<FundingSource, number>>) {
  const out = { ...a };
  for (const s of FUNDING_SOURCES) if (b[s]) out[s] = (out[s] ?? 0) + b[s]!;
  return out;
}
